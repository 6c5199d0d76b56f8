package io.calplanebot.adapter.caldav.dav;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HrefsTest {
    private static final URI BASE = URI.create("http://127.0.0.1:8080/dav/calendars/user/test/cal/");

    @ParameterizedTest
    @CsvSource({
            "/dav/x/a%20b%40c.ics, http://127.0.0.1:8080/dav/x/a%20b%40c.ics",
            "/dav/x/a%20b@c.ics, http://127.0.0.1:8080/dav/x/a%20b%40c.ics",
            "event.ics, http://127.0.0.1:8080/dav/calendars/user/test/cal/event.ics",
            "../other/, http://127.0.0.1:8080/dav/calendars/user/test/other/",
            "HTTP://Example.COM:81/a/b/, http://example.com:81/a/b/",
            "http%3A//127.0.0.1%3A15233/test/calendars/x/other.ics, http://127.0.0.1:15233/test/calendars/x/other.ics",
            "/caldav.php/test/?a=b, http://127.0.0.1:8080/caldav.php/test/",
            "/r%C3%A9sum%C3%A9/, http://127.0.0.1:8080/r%C3%A9sum%C3%A9/"})
    void resolve_givesOneCanonicalFormForEveryWayServersWriteHrefs(String href, String expected) {
        assertThat(Hrefs.resolve(BASE, href)).isEqualTo(URI.create(expected));
    }

    @Test
    void sameResource_ignoresATrailingSlashAndEncodingDifferences() {
        assertThat(Hrefs.sameResource(URI.create("http://h/a/b%40c/"), URI.create("http://h/a/b@c"))).isTrue();
        assertThat(Hrefs.sameResource(URI.create("http://h/a/b"), URI.create("http://h/a/c"))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", ".."})
    void child_refusesNamesThatWouldAddressTheCollectionOrItsParent(String name) {
        assertThatThrownBy(() -> Hrefs.child(URI.create("http://h/cal/"), name))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void child_encodesTheNameAsOneSegment_andLastSegmentDecodesIt() {
        URI child = Hrefs.child(URI.create("http://h/cal"), "a b@c/d ü.ics");

        assertThat(child).isEqualTo(URI.create("http://h/cal/a%20b%40c%2Fd%20%C3%BC.ics"));
        assertThat(Hrefs.lastSegment(child)).isEqualTo("a b@c/d ü.ics");
    }

    @Test
    void decode_keepsMalformedEscapesLiterally() {
        assertThat(Hrefs.decode("100%zz%4")).isEqualTo("100%zz%4");
    }
}
