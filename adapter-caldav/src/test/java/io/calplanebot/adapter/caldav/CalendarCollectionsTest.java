package io.calplanebot.adapter.caldav;

import io.calplanebot.core.domain.Project;
import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

class CalendarCollectionsTest {

    @Test
    void sameName_acceptsTheOnceEscapedFormDavicalHandsBack() {
        assertThat(CalendarCollections.sameName("Plane: Mobile &amp; Web", "Plane: Mobile & Web")).isTrue();
        assertThat(CalendarCollections.sameName("Plane: Mobile & Web", "Plane: Mobile & Web")).isTrue();
        assertThat(CalendarCollections.sameName("Plane: Mobile", "Plane: Mobile & Web")).isFalse();
    }

    @Test
    void target_isPlaneAndTheProjectIdUnderTheHome() {
        URI target = CalendarCollections.target(URI.create("http://h/caldav.php/test/"),
                new Project("0b9f 42", "MOB", "Mobile"));

        assertThat(target).isEqualTo(URI.create("http://h/caldav.php/test/plane-0b9f%2042/"));
    }
}
