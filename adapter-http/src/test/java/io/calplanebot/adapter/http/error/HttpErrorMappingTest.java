package io.calplanebot.adapter.http.error;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HttpErrorMappingTest {

    @Test
    void allowedMethods_addHeadToGet_andNormaliseCase() {
        assertThat(HttpErrorMapping.allowedMethods("get")).containsExactly("GET", "HEAD");
        assertThat(HttpErrorMapping.allowedMethods("POST, get")).containsExactly("POST", "GET", "HEAD");
        assertThat(HttpErrorMapping.allowedMethods("")).isEmpty();
    }

    @Test
    void statusOnlyErrors_mapToTheirCodes() {
        assertThat(ErrorCode.forStatus(431)).isEqualTo(ErrorCode.HEADERS_TOO_LARGE);
        assertThat(ErrorCode.forStatus(414)).isEqualTo(ErrorCode.URI_TOO_LONG);
        assertThat(ErrorCode.forStatus(505)).isEqualTo(ErrorCode.HTTP_VERSION_NOT_SUPPORTED);
        assertThat(ErrorCode.forStatus(400)).isEqualTo(ErrorCode.BAD_REQUEST);
        assertThat(ErrorCode.forStatus(413)).isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE);
        assertThat(ErrorCode.forStatus(503)).isEqualTo(ErrorCode.INTERNAL_ERROR);
    }
}
