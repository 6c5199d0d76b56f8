package io.calplanebot.app.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Sends bytes as they are over a plain socket (for request lines and headers no HTTP client would write) and reads
 * the one answer that comes back: status, headers and the body (by {@code Content-Length}, chunked, or up to the
 * end of the connection).
 */
final class RawHttpExchange {
    private static final int READ_TIMEOUT_MS = 12_000;

    private RawHttpExchange() {
    }

    /** An answer; {@code status} is -1 when what came back does not start with an HTTP/1.x status line. */
    record Answer(int status, Map<String, String> headers, byte[] body, String head) {
    }

    static Answer exchange(int port, byte[] request, boolean head) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(READ_TIMEOUT_MS);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
                socket.shutdownOutput();
            } catch (IOException e) {
                // the server may answer and close before it has read everything (413, 431): read its answer
            }
            return read(socket.getInputStream(), head);
        }
    }

    private static Answer read(InputStream in, boolean head) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[16_384];
        while (true) {
            Answer complete = parse(received.toByteArray(), head, false);
            if (complete != null) {
                return complete;
            }
            int n;
            try {
                n = in.read(buffer);
            } catch (SocketTimeoutException | java.net.SocketException e) {
                n = -1;
            }
            if (n < 0) {
                Answer last = parse(received.toByteArray(), head, true);
                return last != null ? last : new Answer(-1, Map.of(), received.toByteArray(),
                        new String(received.toByteArray(), StandardCharsets.ISO_8859_1));
            }
            received.write(buffer, 0, n);
        }
    }

    /** The answer in {@code bytes} if it is complete (or {@code ended}: the connection is over), else null. */
    private static Answer parse(byte[] bytes, boolean head, boolean ended) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return null;
        }
        String headText = text.substring(0, end);
        String[] lines = headText.split("\r\n");
        if (!lines[0].matches("HTTP/1\\.[01] \\d{3}( .*)?")) {
            return ended ? new Answer(-1, Map.of(), bytes, headText) : null;
        }
        int status = Integer.parseInt(lines[0].substring(9, 12));
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.putIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
        }
        int start = end + 4;
        if (head || status == 304 || status == 204 || status / 100 == 1) {
            return new Answer(status, headers, new byte[0], headText);
        }
        String length = headers.get("content-length");
        if (length != null) {
            int n = Integer.parseInt(length);
            if (bytes.length - start < n) {
                return ended ? new Answer(status, headers, slice(bytes, start, bytes.length), headText) : null;
            }
            return new Answer(status, headers, slice(bytes, start, start + n), headText);
        }
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            byte[] body = dechunk(bytes, start);
            return body != null || ended ? new Answer(status, headers, body == null ? new byte[0] : body, headText)
                    : null;
        }
        return ended ? new Answer(status, headers, slice(bytes, start, bytes.length), headText) : null;
    }

    private static byte[] dechunk(byte[] bytes, int from) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int at = from;
        while (true) {
            int lineEnd = indexOf(bytes, at);
            if (lineEnd < 0) {
                return null;
            }
            String size = new String(bytes, at, lineEnd - at, StandardCharsets.ISO_8859_1);
            int semicolon = size.indexOf(';');
            int n = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
            at = lineEnd + 2;
            if (n == 0) {
                return body.toByteArray();
            }
            if (bytes.length < at + n + 2) {
                return null;
            }
            body.write(bytes, at, n);
            at += n + 2;
        }
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i + 1 < bytes.length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static byte[] slice(byte[] bytes, int from, int to) {
        byte[] out = new byte[Math.max(0, to - from)];
        System.arraycopy(bytes, from, out, 0, out.length);
        return out;
    }
}
