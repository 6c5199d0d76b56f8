package io.calplanebot.adapter.plane.client;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PathEncodingTest {

    @Test
    void segment_encodesEverythingButUnreservedCharacters_soASlashStaysInsideTheSegment() {
        assertThat(PathEncoding.segment("a/b")).isEqualTo("a%2Fb");
        assertThat(PathEncoding.segment("%2e")).isEqualTo("%252e");
        assertThat(PathEncoding.segment("my-team.ü")).isEqualTo("my-team.%C3%BC");
        assertThat(PathEncoding.segment("249fa610-2efe-4e7f-afef-4b963837ea4b"))
                .isEqualTo("249fa610-2efe-4e7f-afef-4b963837ea4b");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", ".."})
    void segment_refusesValuesThatWouldNameAnotherResource(String value) {
        assertThatThrownBy(() -> PathEncoding.segment(value)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void query_encodesNamesAndValues_andMayCarryDots() {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("cursor", "100:1:0");
        query.put("expand", ".");

        assertThat(PathEncoding.query(query)).isEqualTo("?cursor=100%3A1%3A0&expand=.");
    }
}
