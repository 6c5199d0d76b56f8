package io.calplanebot.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The few CalDAV requests the benchmark makes itself (the raw floor, reading what the product wrote): HTTP/1.1 with
 * keep-alive and preemptive Basic credentials, nothing parsed beyond hrefs and UIDs.
 */
final class Dav {
    private static final Pattern RESPONSE = Pattern.compile("<(?:\\w+:)?response\\b");
    private static final Pattern HREF = Pattern.compile("<(?:\\w+:)?href>([^<]+)</(?:\\w+:)?href>");
    private static final Pattern DATA = Pattern.compile(
            "<(?:\\w+:)?calendar-data[^>]*>(.*?)</(?:\\w+:)?calendar-data>", Pattern.DOTALL);
    private static final String QUERY = "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
            + "<C:calendar-query xmlns:D=\"DAV:\" xmlns:C=\"urn:ietf:params:xml:ns:caldav\">"
            + "<D:prop><D:getetag/><C:calendar-data/></D:prop>"
            + "<C:filter><C:comp-filter name=\"VCALENDAR\"><C:comp-filter name=\"VEVENT\"/></C:comp-filter>"
            + "</C:filter></C:calendar-query>";
    private static final String ETAGS = "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
            + "<D:propfind xmlns:D=\"DAV:\"><D:prop><D:getetag/></D:prop></D:propfind>";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String authorization;

    Dav(String user, String password) {
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(
                (user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> send(String method, URI uri, String body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(120))
                .header("Authorization", authorization)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException closed) {
            // a kept-alive connection the server had closed meanwhile: once more, on a new connection
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
    }

    void mkcalendar(URI calendar) throws IOException, InterruptedException {
        int status = send("MKCALENDAR", calendar, null, Map.of()).statusCode();
        if (status != 201) {
            throw new IOException("MKCALENDAR " + calendar + " answered " + status);
        }
    }

    /** Creates the resource; 412 counts as done (a retried PUT whose first attempt got through). */
    void put(URI resource, String ics) throws IOException, InterruptedException {
        int status = send("PUT", resource, ics, Map.of("Content-Type", "text/calendar; charset=utf-8",
                "If-None-Match", "*")).statusCode();
        if (status != 201 && status != 204 && status != 200 && status != 412) {
            throw new IOException("PUT " + resource + " answered " + status);
        }
    }

    String get(URI resource) throws IOException, InterruptedException {
        HttpResponse<String> response = send("GET", resource, null, Map.of());
        return response.statusCode() == 200 ? response.body() : "";
    }

    /** Every event of a calendar: href to its iCalendar text (XML entities decoded). */
    Map<URI, String> events(URI calendar) throws IOException, InterruptedException {
        HttpResponse<String> response = send("REPORT", calendar, QUERY, Map.of("Depth", "1",
                "Content-Type", "application/xml; charset=utf-8"));
        if (response.statusCode() != 207) {
            throw new IOException("REPORT " + calendar + " answered " + response.statusCode());
        }
        Map<URI, String> events = new LinkedHashMap<>();
        String[] parts = RESPONSE.split(response.body());
        for (int i = 1; i < parts.length; i++) {
            Matcher href = HREF.matcher(parts[i]);
            Matcher data = DATA.matcher(parts[i]);
            if (href.find() && data.find()) {
                events.put(calendar.resolve(href.group(1).strip()), unescape(data.group(1)));
            }
        }
        return events;
    }

    /** Lists the calendar's ETags (what a client needs to see that nothing changed); returns how many. */
    int etags(URI calendar) throws IOException, InterruptedException {
        HttpResponse<String> response = send("PROPFIND", calendar, ETAGS, Map.of("Depth", "1",
                "Content-Type", "application/xml; charset=utf-8"));
        if (response.statusCode() != 207) {
            throw new IOException("PROPFIND " + calendar + " answered " + response.statusCode());
        }
        return RESPONSE.split(response.body()).length - 2;
    }

    private static String unescape(String xml) {
        String text = xml.strip();
        if (text.startsWith("<![CDATA[")) {
            text = text.substring(9, text.length() - 3);
        }
        return text.replace("&#13;", "\r").replace("&#xD;", "\r").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&");
    }
}
