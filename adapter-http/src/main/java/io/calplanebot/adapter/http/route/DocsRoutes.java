package io.calplanebot.adapter.http.route;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calplanebot.adapter.http.support.Json;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * {@code GET /openapi.json} (the hand-written OpenAPI 3 document, with the running version filled in) and
 * {@code GET /docs} (Swagger UI over it, served from the swagger-ui webjar).
 *
 * <p>The webjar's files are served by name from the classpath, one at a time, rather than by mounting the jar as a
 * file system for a static-file handler: that mount reads the whole jar's directory while the service starts.
 */
public final class DocsRoutes {
    /** Where the OpenAPI document lives on the classpath. */
    public static final String OPENAPI_RESOURCE = "/io/calplanebot/adapter/http/openapi.json";
    private static final String WEBJAR_PROPERTIES = "/META-INF/maven/org.webjars/swagger-ui/pom.properties";
    private static final String FALLBACK_SWAGGER_UI_VERSION = "5.34.1";
    private static final String WEBJAR_FILES = "/META-INF/resources/webjars/swagger-ui/";
    /** A file name in the webjar's folder: no path separators, no leading dot. */
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,100}");
    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "html", "text/html; charset=utf-8",
            "png", "image/png",
            "map", "application/json",
            "txt", "text/plain; charset=utf-8");
    /** The files' path holds the webjar's version, so a browser may keep them (as long as a year). */
    private static final String CACHE_CONTROL = "max-age=31622400";

    private final byte[] openApi;
    private final String swaggerUiVersion;
    private final String page;

    public DocsRoutes(String serviceVersion) {
        this.openApi = Json.bytes(openApiDocument(serviceVersion));
        this.swaggerUiVersion = swaggerUiVersion();
        this.page = page(swaggerUiVersion);
    }

    public void addTo(RoutesConfig routes) {
        routes.get("/openapi.json", ctx -> ctx.contentType(Json.CONTENT_TYPE).result(openApi));
        routes.get("/docs", ctx -> ctx.contentType("text/html; charset=utf-8").result(page));
        routes.get("/webjars/swagger-ui/{version}/{file}", this::webjarFile);
    }

    /** One file of the swagger-ui webjar; anything else is the error model's 404, as a path with no route. */
    private void webjarFile(Context ctx) {
        String file = ctx.pathParam("file");
        int dot = file.lastIndexOf('.');
        String type = dot < 0 ? null : CONTENT_TYPES.get(file.substring(dot + 1));
        if (!swaggerUiVersion.equals(ctx.pathParam("version")) || !FILE_NAME.matcher(file).matches() || type == null) {
            throw new NotFoundResponse();
        }
        InputStream content = DocsRoutes.class.getResourceAsStream(WEBJAR_FILES + swaggerUiVersion + "/" + file);
        if (content == null) {
            throw new NotFoundResponse();
        }
        ctx.header("Cache-Control", CACHE_CONTROL).contentType(type).result(content);
    }

    /** The OpenAPI document as shipped, with {@code info.version} set to the running version. */
    public static ObjectNode openApiDocument(String serviceVersion) {
        try (InputStream in = DocsRoutes.class.getResourceAsStream(OPENAPI_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the OpenAPI document " + OPENAPI_RESOURCE + " is missing from the jar");
            }
            ObjectNode document = (ObjectNode) Json.mapper().readTree(in);
            ((ObjectNode) document.get("info")).put("version", serviceVersion);
            return document;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the OpenAPI document", e);
        }
    }

    private static String swaggerUiVersion() {
        try (InputStream in = DocsRoutes.class.getResourceAsStream(WEBJAR_PROPERTIES)) {
            if (in == null) {
                return FALLBACK_SWAGGER_UI_VERSION;
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", FALLBACK_SWAGGER_UI_VERSION);
        } catch (IOException e) {
            return FALLBACK_SWAGGER_UI_VERSION;
        }
    }

    private static String page(String version) {
        String base = "/webjars/swagger-ui/" + version + "/";
        return "<!DOCTYPE html>\n"
                + "<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>CalPlaneBot API</title>\n"
                + "<link rel=\"stylesheet\" href=\"" + base + "swagger-ui.css\">\n"
                + "</head>\n<body>\n<div id=\"swagger-ui\"></div>\n"
                + "<script src=\"" + base + "swagger-ui-bundle.js\"></script>\n"
                + "<script>window.ui = SwaggerUIBundle({url: '/openapi.json', dom_id: '#swagger-ui'});</script>\n"
                + "</body>\n</html>\n";
    }
}
