package io.calplanebot.adapter.http.route;

import io.calplanebot.adapter.http.ApiSettings;
import io.calplanebot.adapter.http.limit.RateLimitGuard;
import io.calplanebot.adapter.http.support.Conditional;
import io.calplanebot.core.port.in.Feed;
import io.calplanebot.core.port.in.ReadFeedUseCase;
import io.calplanebot.ical.CalendarHeader;
import io.calplanebot.ical.EventStamp;
import io.calplanebot.ical.IcsWriter;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.NotFoundResponse;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;

/**
 * {@code GET}/{@code HEAD /feeds/{token}.ics} and, when allowed, {@code /feeds/public/{project}.ics}: subscribable
 * iCalendar feeds, rate limited per client. A token that opens nothing gets the same 404 as a path that does not
 * exist. Answers carry a weak {@code ETag} and {@code Last-Modified} and are 304 when the client's copy is current;
 * the body is streamed event by event, gzipped when the client accepts it.
 */
public final class FeedRoutes {
    /** How often subscribers are asked to fetch again. */
    public static final Duration REFRESH = Duration.ofMinutes(15);
    public static final String CONTENT_TYPE = "text/calendar; charset=utf-8";

    private static final Logger LOG = LoggerFactory.getLogger(FeedRoutes.class);

    private final ReadFeedUseCase feeds;
    private final RateLimitGuard guard;
    private final Supplier<ApiSettings> settings;

    public FeedRoutes(ReadFeedUseCase feeds, RateLimitGuard guard, Supplier<ApiSettings> settings) {
        this.feeds = feeds;
        this.guard = guard;
        this.settings = settings;
    }

    public void addTo(RoutesConfig routes) {
        Handler byToken = serve(ctx -> name(ctx, "token").flatMap(feeds::byToken));
        Handler publicProject = serve(ctx -> settings.get().untokenedFeeds()
                ? name(ctx, "project").flatMap(feeds::publicProject) : Optional.empty());
        routes.get("/feeds/{token}.ics", guard.limit("feeds", ApiSettings::feedLimit, byToken));
        routes.head("/feeds/{token}.ics", guard.limit("feeds", ApiSettings::feedLimit, byToken));
        routes.get("/feeds/public/{project}.ics", guard.limit("feeds", ApiSettings::feedLimit, publicProject));
        routes.head("/feeds/public/{project}.ics", guard.limit("feeds", ApiSettings::feedLimit, publicProject));
    }

    private static Optional<String> name(Context ctx, String parameter) {
        return Optional.of(ctx.pathParam(parameter)).filter(value -> !value.isEmpty());
    }

    private static Handler serve(Function<Context, Optional<Feed>> lookup) {
        return ctx -> {
            Optional<Feed> found = lookup.apply(ctx);
            if (found.isEmpty()) {
                notFound(ctx);
                return;
            }
            Feed feed = found.get();
            ctx.header("ETag", Conditional.weakTag(feed.versionTag()));
            ctx.header("Last-Modified", Conditional.httpDate(feed.lastModified()));
            ctx.header("Cache-Control", "private, no-cache");
            ctx.header("Vary", "Accept-Encoding");
            if (Conditional.isCurrent(ctx.header("If-None-Match"), ctx.header("If-Modified-Since"),
                    feed.versionTag(), feed.lastModified())) {
                ctx.status(304);
                return;
            }
            ctx.status(200).contentType(CONTENT_TYPE);
            boolean gzip = acceptsGzip(ctx.header("Accept-Encoding"));
            if (gzip) {
                ctx.header("Content-Encoding", "gzip");
            }
            if (ctx.method() == HandlerType.HEAD) {
                return;
            }
            try {
                OutputStream raw = ctx.res().getOutputStream();
                OutputStream body = gzip ? new GZIPOutputStream(raw, 8192) : raw;
                write(feed, body);
                if (gzip) {
                    ((GZIPOutputStream) body).finish();
                }
                body.flush();
            } catch (IOException | RuntimeException e) {
                brokeOff(ctx, e);
            }
        };
    }

    /**
     * A feed that cannot be written to the end must never look complete: a subscriber would take the events it
     * missed as deleted. Before the first bytes left, the answer is reset and the error answered as any other;
     * after that, the connection is aborted, so the client sees a broken transfer instead of a shorter calendar.
     */
    private static void brokeOff(Context ctx, Exception e) throws Exception {
        if (!ctx.res().isCommitted()) {
            ctx.res().reset();
            throw e;
        }
        if (e instanceof IOException) {
            LOG.debug("A feed's client went away: {}", e.getClass().getName());
        } else {
            LOG.warn("A feed broke off after its first bytes ({}); the transfer is aborted", e.getClass().getName());
        }
        ServletContextRequest.getServletContextRequest(ctx.req()).getServletChannel().abort(e);
    }

    /** The same 404 (error model, {@code NOT_FOUND}) as a path with no route, without the rate-limit headers. */
    private static void notFound(Context ctx) {
        for (String header : new String[] {"X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset"}) {
            ctx.res().setHeader(header, null);
        }
        throw new NotFoundResponse();
    }

    private static void write(Feed feed, OutputStream out) throws IOException {
        IcsWriter writer = IcsWriter.to(out);
        EventStamp stamp = EventStamp.stampedAt(feed.lastModified());
        writer.beginCalendar(CalendarHeader.feed(feed.name(), REFRESH));
        feed.events().forEach(event -> {
            try {
                writer.event(event, stamp);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        writer.endCalendar();
    }

    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String part : acceptEncoding.split(",")) {
            String[] pieces = part.strip().split(";");
            if (pieces[0].strip().equalsIgnoreCase("gzip")) {
                return pieces.length < 2 || !pieces[1].replace(" ", "").equalsIgnoreCase("q=0");
            }
        }
        return false;
    }
}
