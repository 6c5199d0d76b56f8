package io.calplanebot.adapter.http.error;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.util.Map;

/**
 * Answers the errors the web server raises before a request reaches a route (a malformed request line, headers
 * too large, a URI it cannot decode) in the error model too, instead of Jetty's HTML page. Only the status's
 * reason phrase is shown, never the cause.
 */
public final class JsonJettyErrorHandler extends ErrorHandler {
    private final ErrorResponses errors;

    public JsonJettyErrorHandler(ErrorResponses errors) {
        this.errors = errors;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(body(code)), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        return ByteBuffer.wrap(body(status));
    }

    private byte[] body(int status) {
        String phrase = HttpStatus.getMessage(status);
        return errors.body(ErrorCode.forStatus(status), phrase == null ? "Error " + status : phrase, Map.of());
    }
}
