package io.calplanebot.adapter.caldav;

import io.calplanebot.adapter.caldav.dav.DavClient;
import io.calplanebot.adapter.caldav.dav.DavClientBuilder;
import io.calplanebot.adapter.caldav.dav.DavEntry;
import io.calplanebot.adapter.caldav.dav.DavNames;
import io.calplanebot.adapter.caldav.dav.DavRequest;
import io.calplanebot.adapter.caldav.dav.DavResponse;
import io.calplanebot.adapter.caldav.dav.DavXml;
import io.calplanebot.adapter.caldav.dav.Precondition;
import io.calplanebot.adapter.caldav.dav.Hrefs;
import io.calplanebot.adapter.caldav.testing.CalDavEndpoint;

import javax.xml.namespace.QName;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Plain WebDAV requests with the test user's credentials, the way another calendar client would act: raw PUTs
 * and GETs, MKCALENDAR, PROPFIND. Used to prepare and inspect server state independently of the store.
 */
final class RawCalDav implements AutoCloseable {
    private final DavClient dav;

    RawCalDav(CalDavEndpoint endpoint) {
        URI base = URI.create(endpoint.baseUrl());
        DavClientBuilder builder = DavClient.builder(base).retry(1, Duration.ofMillis(10))
                .timeouts(Duration.ofSeconds(5), Duration.ofSeconds(30));
        this.dav = (endpoint.auth() == AuthType.DIGEST
                ? builder.digest(endpoint.user(), endpoint.password())
                : builder.basic(endpoint.user(), endpoint.password())).build();
    }

    DavResponse put(URI url, String ics) {
        return expectSuccess(dav.execute(DavRequest.put(url, ics)));
    }

    DavResponse putIfMatch(URI url, String ics, String etag) {
        return expectSuccess(dav.execute(DavRequest.putReplacing(url, ics, etag)));
    }

    DavResponse delete(URI url) {
        return expectSuccess(dav.execute(DavRequest.delete(url, Precondition.none())));
    }

    DavResponse get(URI url) {
        return dav.execute(DavRequest.get(url));
    }

    void mkcalendar(URI url, String displayName) {
        expectSuccess(dav.execute(DavRequest.mkcalendar(url, DavXml.mkcalendar(Map.of(DavNames.DISPLAYNAME,
                displayName)))));
    }

    /** The collection's properties as the server reports them now. */
    DavEntry properties(URI url) {
        DavResponse response = dav.execute(DavRequest.propfind(url, 0, DavXml.propfind(DavNames.RESOURCETYPE,
                DavNames.DISPLAYNAME, DavNames.CALENDAR_COLOR, DavNames.CALENDAR_DESCRIPTION)));
        if (!response.isMultiStatus()) {
            throw new AssertionError("PROPFIND " + url + " answered " + response.statusLine());
        }
        return response.multiStatus().entry(url).orElseThrow(() -> new AssertionError("no entry for " + url));
    }

    Optional<String> text(URI url, QName property) {
        return properties(url).text(property);
    }

    /** Members of a collection (Depth 1), without the collection itself. */
    List<URI> members(URI collection) {
        DavResponse response = dav.execute(DavRequest.propfind(collection, 1, DavXml.propfind(DavNames.RESOURCETYPE)));
        List<URI> members = new ArrayList<>();
        for (DavEntry entry : response.multiStatus().entries()) {
            if (!Hrefs.sameResource(entry.href(), collection)) {
                members.add(entry.href());
            }
        }
        return members;
    }

    private static DavResponse expectSuccess(DavResponse response) {
        if (!response.isSuccess()) {
            throw new AssertionError(response + ": " + response.excerpt());
        }
        return response;
    }

    @Override
    public void close() {
        dav.close();
    }
}
