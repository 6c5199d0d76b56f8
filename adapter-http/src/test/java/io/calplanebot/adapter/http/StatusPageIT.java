package io.calplanebot.adapter.http;

import org.junit.jupiter.api.Test;

import static io.calplanebot.adapter.http.StatusFixtures.CALDAV_ERROR;
import static io.calplanebot.adapter.http.StatusFixtures.HOSTILE_NAME;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /}: the spec's JSON for API clients, the status page for browsers. */
class StatusPageIT extends SharedServer {
    private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @Test
    void root_forABrowser_isTheStatusPage_withSyncTargetsProjectsFeedsErrorsAndLinks() {
        StatusFixtures.partlyFailing(t);

        Answer page = t.get("/", "Accept", BROWSER);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).isEqualTo("text/html;charset=utf-8");
        assertThat(page.header("Vary")).contains("Accept");
        assertThat(page.body()).startsWith("<!DOCTYPE html>")
                .contains("<span id=\"sync-state\" class=\"idle\">idle</span>")
                .contains("2025-12-27T10:25:02Z", "(4 min ago)", "2025-12-27T10:35:00Z", "(in 5 min)")
                .contains("<td>builtin</td><td><span class=\"healthy\">healthy</span>")
                .contains("<td>caldav</td><td><span class=\"unhealthy\">unhealthy</span>")
                .contains("<td>WEB</td><td>Website relaunch</td><td>Plane: Website relaunch</td><td>6 of 7</td>")
                .contains("<li>team-web</li>", "<li>ava&#39;s tasks</li>")
                .contains("check CALDAV_USERNAME &amp; CALDAV_PASSWORD")
                .contains("href=\"/docs\"", "href=\"/metrics\"");
    }

    @Test
    void statusPage_escapesNamesFromPlane_soAProjectNamedScriptShowsAsText() {
        StatusFixtures.partlyFailing(t);

        String body = t.get("/", "Accept", "text/html").body();

        assertThat(body).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;").doesNotContain(HOSTILE_NAME)
                .doesNotContain("<script");
        assertThat(CALDAV_ERROR).contains("&");
    }

    @Test
    void statusPage_allowsNothingButItsOwnInlineStyle() {
        Answer page = t.get("/", "Accept", BROWSER);

        assertThat(page.header("Content-Security-Policy")).contains("default-src 'none'")
                .contains("style-src 'unsafe-inline'").doesNotContain("script-src");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.body()).doesNotContain("src=\"http", "href=\"http");
    }

    @Test
    void statusPage_beforeTheFirstSync_saysSoInWords() {
        String body = t.get("/", "Accept", BROWSER).body();

        assertThat(body).contains("<span id=\"last-sync\">not yet</span>", "No project synced yet.",
                "No subscribable feed yet.", "None in the last sync.");
    }

    @Test
    void statusPage_whenTheStatusCannotBeRead_stillAnswers_andSaysWhy() {
        t.status.failure = new IllegalStateException("boom");

        Answer page = t.get("/", "Accept", BROWSER);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("The sync status could not be read").doesNotContain("boom");
    }

    @Test
    void root_forApiClients_staysTheSpecsJson() {
        for (String accept : new String[] {null, "*/*", "application/json", "application/json, text/html",
                "text/html;q=0.5, application/json"}) {
            Answer answer = accept == null ? t.get("/") : t.get("/", "Accept", accept);

            assertThat(answer.header("Content-Type")).as(accept).startsWith("application/json");
            assertThat(answer.json().path("status").asText()).as(accept).isEqualTo("running");
        }
    }
}
