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
 *
 * <p>Every method gets the body (Jetty's default leaves it out for methods other than GET, POST and HEAD, so the
 * HTTP/2 preface {@code PRI * HTTP/2.0} got an empty answer), and Jetty's {@code 426 Upgrade Required} for an
 * HTTP/2 request on this HTTP/1.1 port is answered {@code 505 HTTP_VERSION_NOT_SUPPORTED}: there is nothing to
 * upgrade to.
 */
public final class JsonJettyErrorHandler extends ErrorHandler {
    private final ErrorResponses errors;

    public JsonJettyErrorHandler(ErrorResponses errors) {
        this.errors = errors;
    }

    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        int status = answered(code);
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(body(status)), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        return ByteBuffer.wrap(body(status));
    }

    private static int answered(int code) {
        return code == HttpStatus.UPGRADE_REQUIRED_426 ? HttpStatus.HTTP_VERSION_NOT_SUPPORTED_505 : code;
    }

    private byte[] body(int status) {
        String phrase = HttpStatus.getMessage(status);
        return errors.body(ErrorCode.forStatus(status), phrase == null ? "Error " + status : phrase, Map.of());
    }
}
