package io.calplanebot.app.demo;

import io.calplanebot.app.CalPlaneBotService;

import java.net.URI;
import java.util.List;

/**
 * The subscribable feed URLs the demo prints under "Subscribe": given the running service and its address, returns
 * the URLs a calendar app can subscribe to (creating the demo's feeds where that needs a token). Where the service
 * has no feeds, {@link #NONE} prints none.
 */
@FunctionalInterface
public interface DemoFeeds {
    DemoFeeds NONE = (service, serviceUrl) -> List.of();

    /**
     * The feeds of the running service, as the demo prints them: this is the one place that connects the demo to
     * the service's feeds. This build's service serves no feeds, so it prints none.
     */
    static DemoFeeds ofService() {
        return NONE;
    }

    List<String> subscribeUrls(CalPlaneBotService service, URI serviceUrl);
}
