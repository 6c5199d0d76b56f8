package io.calplanebot.app.e2e;

import org.apache.hc.client5.http.auth.CredentialsProvider;
import org.apache.hc.client5.http.impl.auth.CredentialsProviderBuilder;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Looks at a calendar with plain HTTP, as a calendar client would, independently of the product's CalDAV adapter:
 * GET and PUT of single resources and a Depth 1 PROPFIND to list them. Basic and Digest work through the client's
 * challenge handling.
 */
public final class PlainCalDav implements AutoCloseable {
    private static final Pattern HREF = Pattern.compile("<(?:[A-Za-z0-9]+:)?href>([^<]+)</(?:[A-Za-z0-9]+:)?href>");

    private static final Pattern DISPLAY_NAME = Pattern.compile(
            "<(?:[A-Za-z0-9]+:)?displayname[^>]*>([^<]*)</(?:[A-Za-z0-9]+:)?displayname>");

    private final CloseableHttpClient client;

    /** An HTTP answer: status, body and ETag. */
    public record Answer(int status, String body, Optional<String> etag) {
    }

    public PlainCalDav(String anyUrl, String user, String password) {
        URI uri = URI.create(anyUrl);
        CredentialsProvider credentials = CredentialsProviderBuilder.create()
                .add(new HttpHost(uri.getScheme(), uri.getHost(), uri.getPort()), user, password.toCharArray())
                .build();
        client = HttpClients.custom().setDefaultCredentialsProvider(credentials).disableRedirectHandling().build();
    }

    public Answer get(String url) throws IOException {
        return client.execute(ClassicRequestBuilder.get(url).build(), response -> new Answer(response.getCode(),
                response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8),
                Optional.ofNullable(response.getFirstHeader("ETag")).map(Header::getValue)));
    }

    public int put(String url, String ics, Optional<String> ifMatch) throws IOException {
        ClassicRequestBuilder request = ClassicRequestBuilder.put(url)
                .setEntity(new StringEntity(ics, ContentType.create("text/calendar", StandardCharsets.UTF_8)));
        ifMatch.ifPresentOrElse(etag -> request.addHeader("If-Match", etag),
                () -> request.addHeader("If-None-Match", "*"));
        return client.execute(request.build(), response -> {
            EntityUtils.consume(response.getEntity());
            return response.getCode();
        });
    }

    /** The hrefs of the {@code .ics} resources in a collection. */
    public List<String> list(String collectionUrl) throws IOException {
        String answer = propfind(collectionUrl, "1", "getetag");
        List<String> hrefs = new ArrayList<>();
        Matcher matcher = HREF.matcher(answer);
        while (matcher.find()) {
            if (matcher.group(1).endsWith(".ics")) {
                hrefs.add(matcher.group(1));
            }
        }
        return hrefs;
    }

    /** The absolute URLs of the collections directly below {@code homeUrl} (its calendars), from a Depth 1 PROPFIND. */
    public List<String> collections(String homeUrl) throws IOException {
        String answer = propfind(homeUrl, "1", "resourcetype");
        URI home = URI.create(homeUrl);
        List<String> urls = new ArrayList<>();
        Matcher matcher = HREF.matcher(answer);
        while (matcher.find()) {
            String url = home.resolve(matcher.group(1)).toString();
            if (url.endsWith("/") && !url.equals(home.toString())) {
                urls.add(url);
            }
        }
        return urls;
    }

    /** The collection's DAV:displayname, from a Depth 0 PROPFIND. */
    public String displayName(String collectionUrl) throws IOException {
        String answer = propfind(collectionUrl, "0", "displayname");
        Matcher matcher = DISPLAY_NAME.matcher(answer);
        return matcher.find() ? matcher.group(1) : "";
    }

    /** A PROPFIND of one DAV: property, its multistatus answer as text. */
    private String propfind(String url, String depth, String property) throws IOException {
        String body = "<?xml version=\"1.0\" encoding=\"utf-8\"?><d:propfind xmlns:d=\"DAV:\"><d:prop><d:" + property
                + "/></d:prop></d:propfind>";
        return client.execute(ClassicRequestBuilder.create("PROPFIND").setUri(url).addHeader("Depth", depth)
                .setEntity(new StringEntity(body, ContentType.create("application/xml", StandardCharsets.UTF_8)))
                .build(), response -> EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8));
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
