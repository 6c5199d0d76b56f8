package io.calplanebot.adapter.http.support;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class AcceptHeaderTest {
    @ParameterizedTest(name = "{0} -> html {1}")
    @CsvSource(delimiter = '|', value = {
            "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8 | true",
            "text/html | true",
            "text/* | true",
            "application/json;q=0.4, text/html;q=0.5 | true",
            "*/* | false",
            "application/json | false",
            "application/json, text/html | false",
            "text/html;q=0.5, application/json | false",
            "text/html;q=0, */* | false",
            "text/html;q=abc | false",
            "garbage | false",
            "' ' | false"})
    void prefersHtml_onlyWhenHtmlRanksStrictlyAboveJson(String accept, boolean html) {
        assertThat(AcceptHeader.prefersHtml(accept)).isEqualTo(html);
    }
}
