package io.calplanebot.support.http;

import org.junit.jupiter.api.Test;

import java.net.SocketTimeoutException;
import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

class RequestLogTest {

    @Test
    void target_dropsUserInfoAndQuery() {
        assertThat(RequestLog.target(URI.create("https://alice:s3cret@dav.example.com:8443/cal/x.ics?token=abc")))
                .isEqualTo("https://dav.example.com:8443/cal/x.ics");
    }

    @Test
    void describe_namesTheErrorTypeAndMessage() {
        assertThat(RequestLog.describe(new SocketTimeoutException("Read timed out")))
                .isEqualTo("SocketTimeoutException: Read timed out");
        assertThat(RequestLog.describe(null)).isEqualTo("unexpected answer");
    }
}
