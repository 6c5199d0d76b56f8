package io.calplanebot.adapter.http;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The status page as a real browser (headless Chromium) renders it: it loads, shows the sync state, logs no error. */
class StatusPageChromiumIT extends SharedServer {

    @Test
    void statusPage_inHeadlessChromium_showsSyncStateProjectsAndTargets_withoutConsoleErrors() throws Exception {
        HeadlessChromium chromium = HeadlessChromium.require();
        StatusFixtures.partlyFailing(t);

        HeadlessChromium.Rendered page = chromium.dumpDom("http://127.0.0.1:" + t.api.port() + "/");

        assertThat(page.exitCode()).as(page.log()).isZero();
        assertThat(page.dom()).contains("<title>CalPlaneBot status</title>")
                .contains("<span id=\"sync-state\" class=\"idle\">idle</span>")
                .contains("<td>WEB</td><td>Website relaunch</td>")
                .contains("&lt;script&gt;alert('x')&lt;/script&gt;")
                .contains("<td>caldav</td><td><span class=\"unhealthy\">unhealthy</span>")
                .contains("team-web");
        assertThat(page.consoleErrors()).as("console messages of the page").isEmpty();
    }

    @Test
    void consoleCheck_catchesAnErrorThePageLogs() throws Exception {
        HeadlessChromium chromium = HeadlessChromium.require();

        HeadlessChromium.Rendered page = chromium.dumpDom(
                "data:text/html,<p>x</p><script>console.error('planted')</script>");

        assertThat(page.consoleErrors()).anySatisfy(line -> assertThat(line).contains("planted"));
    }
}
