package io.calplanebot.adapter.caldav.dav;

import io.calplanebot.adapter.caldav.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import javax.xml.namespace.QName;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MultiStatusParserTest {

    @ParameterizedTest
    @CsvSource({
            "radicale, http://127.0.0.1:18240/test/plane-1234/",
            "xandikos, http://127.0.0.1:18240/test/calendars/plane-1234/",
            "davical, http://127.0.0.1:18240/caldav.php/test/plane-1234/",
            "sabredav, http://127.0.0.1:18240/calendars/test/plane-1234/",
            "cyrus, http://127.0.0.1:18240/dav/calendars/user/test/plane-1234/"})
    void calendarQuery_ofEveryServer_givesBothEventsWithETagAndData_andDecodedHrefs(String server, String calendar) {
        URI base = URI.create(calendar);

        MultiStatus multiStatus = MultiStatusParser.parse(Fixtures.bytes(server + "-calendar-query.xml"), base);

        assertThat(multiStatus.entries()).hasSize(2);
        DavEntry ours = multiStatus.entry(Hrefs.child(base, "plane-issue-1111.ics")).orElseThrow();
        DavEntry foreign = multiStatus.entry(Hrefs.child(base, "a b@c.ics")).orElseThrow();
        assertThat(ours.text(DavNames.GETETAG)).hasValueSatisfying(e -> assertThat(e).startsWith("\"").endsWith("\""));
        assertThat(ours.text(DavNames.CALENDAR_DATA)).hasValueSatisfying(d -> assertThat(d)
                .startsWith("BEGIN:VCALENDAR").contains("UID:plane-issue-1111@calplanebot", "Ship it 🚀"));
        assertThat(foreign.text(DavNames.CALENDAR_DATA)).hasValueSatisfying(d -> assertThat(d).contains("Dentist"));
        assertThat(Hrefs.lastSegment(foreign.href())).isEqualTo("a b@c.ics");
        assertThat(ours.failureStatus()).isEmpty();
    }

    @Test
    void cyrusHref_withLiteralAt_andRadicaleHref_withEncodedAt_nameTheSameResource() {
        URI base = URI.create("http://127.0.0.1:18240/x/");

        assertThat(Hrefs.sameResource(Hrefs.resolve(base, "/x/a%20b@c.ics"), Hrefs.resolve(base, "/x/a%20b%40c.ics")))
                .isTrue();
    }

    @ParameterizedTest
    @CsvSource({
            "radicale, http://radicale.org/ns/sync/0181761d568cd388445cd9b72f3e234305cd5d9d89c557797b9831713df0fd16",
            "xandikos, ff421ad80fa8f53673f64f84d7e12cdd15f09c07"})
    void syncToken_isFound_whetherItComesFirstOrLast(String server, String token) {
        MultiStatus multiStatus = MultiStatusParser.parse(Fixtures.bytes(server + "-sync-collection.xml"),
                URI.create("http://127.0.0.1:18240/"));

        assertThat(multiStatus.syncToken()).contains(token);
        assertThat(multiStatus.entries()).hasSize(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"davical", "cyrus"})
    void syncToken_isFound_afterTheResponses(String server) {
        MultiStatus multiStatus = MultiStatusParser.parse(Fixtures.bytes(server + "-sync-collection.xml"),
                URI.create("http://127.0.0.1:18240/"));

        assertThat(multiStatus.syncToken()).hasValueSatisfying(t -> assertThat(t).startsWith("data:,"));
    }

    @Test
    void xandikosPutError_givesTheInnerStatusCondition_andItsEncodedAbsoluteHref() {
        MultiStatus multiStatus = MultiStatusParser.parse(Fixtures.bytes("xandikos-put-duplicate-uid.xml"),
                URI.create("http://127.0.0.1:18240/test/calendars/plane-1234/other-name.ics"));

        DavEntry entry = multiStatus.entries().get(0);
        assertThat(entry.status()).isEqualTo(412);
        assertThat(entry.isFailure()).isTrue();
        assertThat(entry.errors()).containsExactly(new QName(DavNames.CALDAV, "no-uid-conflict"));
        assertThat(entry.description()).isEqualTo("UID already in use.");
        assertThat(entry.href()).isEqualTo(URI.create("http://127.0.0.1:18240/test/calendars/plane-1234/other-name.ics"));
    }

    @Test
    void xandikosProppatch_207_reportsTheRefusedPropertysStatus() {
        MultiStatus multiStatus = MultiStatusParser.parse(Fixtures.bytes("xandikos-proppatch-description.xml"),
                URI.create("http://127.0.0.1:18240/test/calendars/plane-1234/"));

        assertThat(multiStatus.entries()).singleElement().satisfies(e -> {
            assertThat(e.status()).isZero();
            assertThat(e.failureStatus()).contains(409);
        });
    }

    @Test
    void radicaleDelete_200_carriesAMultistatusWithA200Inside() {
        MultiStatus multiStatus = MultiStatusParser.parse(Fixtures.bytes("radicale-delete.xml"),
                URI.create("http://127.0.0.1:18240/test/plane-1234/a%20b%40c.ics"));

        assertThat(multiStatus.entries()).singleElement().satisfies(e -> assertThat(e.failureStatus()).isEmpty());
    }

    @Test
    void homeListings_tellCalendarsFromOtherCollections_andReadCdataNames() {
        MultiStatus cyrus = MultiStatusParser.parse(Fixtures.bytes("cyrus-home-listing.xml"),
                URI.create("http://127.0.0.1:18240/dav/calendars/user/test/"));

        List<String> calendars = cyrus.entries().stream().filter(e -> e.hasResourceType(DavNames.CALENDAR))
                .map(e -> Hrefs.lastSegment(e.href())).toList();
        assertThat(calendars).containsExactly("Default", "plane-1234");
        assertThat(cyrus.entry(URI.create("http://127.0.0.1:18240/dav/calendars/user/test/plane-1234/")).orElseThrow()
                .text(DavNames.DISPLAYNAME)).contains("Plane: Mobile & Web");
    }

    @Test
    void davicalHomeListing_handsBackTheDisplayNameEscapedOnce() {
        MultiStatus davical = MultiStatusParser.parse(Fixtures.bytes("davical-home-listing.xml"),
                URI.create("http://127.0.0.1:18240/caldav.php/test/"));

        assertThat(davical.entry(URI.create("http://127.0.0.1:18240/caldav.php/test/plane-1234/")).orElseThrow()
                .text(DavNames.DISPLAYNAME)).contains("Plane: Mobile &amp; Web");
    }

    @Test
    void errorConditions_readCalDavPreconditions_andIgnoreBodiesThatAreNotDavErrors() {
        assertThat(MultiStatusParser.errorConditions(Fixtures.bytes("radicale-put-duplicate-uid.xml")))
                .containsExactly(new QName(DavNames.CALDAV, "no-uid-conflict"));
        assertThat(MultiStatusParser.errorConditions(Fixtures.bytes("cyrus-put-duplicate-uid.xml")))
                .containsExactly(new QName(DavNames.CALDAV, "unique-scheduling-object-resource"));
        assertThat(MultiStatusParser.errorConditions("<html><body>Not Found</body></html>".getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
        assertThat(MultiStatusParser.errorConditions("Precondition failed.".getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void parse_refusesADocumentThatIsNotAMultistatus() {
        assertThatThrownBy(() -> MultiStatusParser.parse(Fixtures.bytes("xandikos-mkcalendar-response.xml"),
                URI.create("http://127.0.0.1/")))
                .isInstanceOf(DavFormatException.class).hasMessageContaining("mkcalendar-response");
    }

    @Test
    void parse_refusesDoctypes_soNoExternalEntityIsEverRead() {
        byte[] xxe = ("<?xml version=\"1.0\"?><!DOCTYPE m [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<multistatus xmlns=\"DAV:\"><response><href>&x;</href></response></multistatus>")
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> MultiStatusParser.parse(xxe, URI.create("http://127.0.0.1/")))
                .isInstanceOf(DavFormatException.class);
    }

    @ParameterizedTest
    @CsvSource({"HTTP/1.1 200 OK, 200", "HTTP/1.1 404 Not Found, 404", "  HTTP/1.0 412 Precondition Failed , 412",
            "garbage, 0"})
    void statusCode_readsTheCodeOfAStatusLine(String line, int code) {
        assertThat(MultiStatusParser.statusCode(line)).isEqualTo(code);
    }
}
