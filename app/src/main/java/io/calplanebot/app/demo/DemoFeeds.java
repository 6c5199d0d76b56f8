package io.calplanebot.app.demo;

import io.calplanebot.app.CalPlaneBotService;
import io.calplanebot.core.domain.feed.FeedFilter;
import io.calplanebot.core.domain.feed.FeedName;
import io.calplanebot.core.port.in.NewFeed;

import java.net.URI;
import java.util.List;

/**
 * The subscribable feed URLs the demo prints under "Subscribe": given the running service and its address, returns
 * the URLs a calendar app can subscribe to, creating the demo's feed (the whole sample workspace) to get a token.
 */
@FunctionalInterface
public interface DemoFeeds {
    DemoFeeds NONE = (service, serviceUrl) -> List.of();

    /** A feed named {@code demo} over every project of the running service, as https/http and webcal URLs. */
    static DemoFeeds ofService() {
        return (service, serviceUrl) -> {
            NewFeed feed = service.manageFeeds().add(new FeedName("demo"), FeedFilter.everything());
            String web = serviceUrl.resolve("feeds/" + feed.token() + ".ics").toString();
            return List.of(web, "webcal://" + web.substring(web.indexOf("://") + 3));
        };
    }

    List<String> subscribeUrls(CalPlaneBotService service, URI serviceUrl);
}
