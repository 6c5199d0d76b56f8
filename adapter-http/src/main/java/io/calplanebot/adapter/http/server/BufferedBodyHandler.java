package io.calplanebot.adapter.http.server;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reads a request body without holding a thread, and only then hands the request on: the routes read their body
 * with blocking calls, so a few hundred clients sending their bodies slowly would otherwise hold every server thread
 * and starve every other request. A body must arrive within {@code deadline}, else the answer is
 * {@code 408 Request Timeout} (in the error model) and the connection is closed. Bodies announced larger than
 * {@code maxBytes} are handed on at once, for the route's own {@code 413}; a chunked body that grows past it is
 * handed on with what was read, followed by the rest.
 */
public final class BufferedBodyHandler extends Handler.Wrapper {
    private final int maxBytes;
    private final Duration deadline;

    public BufferedBodyHandler(int maxBytes, Duration deadline) {
        this.maxBytes = maxBytes;
        this.deadline = deadline;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        long length = request.getLength();
        boolean chunked = request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
        if (length > maxBytes || length <= 0 && !chunked) {
            return super.handle(request, response, callback);
        }
        new BodyReader(request, response, callback).start();
        return true;
    }

    private void handOn(Request request, Response response, Callback callback) {
        try {
            if (!super.handle(request, response, callback)) {
                Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404);
            }
        } catch (Throwable failure) {
            Response.writeError(request, response, callback, failure);
        }
    }

    /** Collects the body chunk by chunk, on demand, then hands the request on with the body already read. */
    private final class BodyReader {
        private final Request request;
        private final Response response;
        private final Callback callback;
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();
        private final AtomicBoolean settled = new AtomicBoolean();
        private Scheduler.Task timeout;

        BodyReader(Request request, Response response, Callback callback) {
            this.request = request;
            this.response = response;
            this.callback = callback;
        }

        void start() {
            timeout = request.getComponents().getScheduler().schedule(this::expire, deadline.toMillis(),
                    TimeUnit.MILLISECONDS);
            read();
        }

        private void read() {
            while (!settled.get()) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    request.demand(this::read);
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    settle(false);
                    return;
                }
                ByteBuffer buffer = chunk.getByteBuffer();
                byte[] bytes = new byte[buffer.remaining()];
                buffer.get(bytes);
                body.write(bytes, 0, bytes.length);
                boolean last = chunk.isLast();
                chunk.release();
                if (last || body.size() > maxBytes) {
                    settle(last);
                    return;
                }
            }
        }

        private void settle(boolean complete) {
            if (settled.compareAndSet(false, true)) {
                timeout.cancel();
                handOn(new ReadBody(request, body.toByteArray(), complete), response, callback);
            }
        }

        private void expire() {
            if (settled.compareAndSet(false, true)) {
                response.getHeaders().put(HttpHeader.CONNECTION, "close");
                Response.writeError(request, response, callback, HttpStatus.REQUEST_TIMEOUT_408);
            }
        }
    }

    /** The request with the body read so far served first, then (when it was not complete) the rest of the body. */
    private static final class ReadBody extends Request.Wrapper {
        private Content.Chunk first;
        private final boolean complete;
        private boolean served;

        ReadBody(Request request, byte[] body, boolean complete) {
            super(request);
            this.first = Content.Chunk.from(ByteBuffer.wrap(body), complete);
            this.complete = complete;
        }

        @Override
        public synchronized Content.Chunk read() {
            if (!served) {
                served = true;
                Content.Chunk chunk = first;
                first = null;
                return chunk;
            }
            return complete ? Content.Chunk.EOF : super.read();
        }

        @Override
        public void demand(Runnable demandCallback) {
            boolean ready;
            synchronized (this) {
                ready = !served || complete;
            }
            if (ready) {
                demandCallback.run();
            } else {
                super.demand(demandCallback);
            }
        }
    }
}
