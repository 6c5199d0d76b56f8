package io.calplanebot.app.e2e;

import io.calplanebot.app.CalPlaneBotService;
import io.calplanebot.app.cli.Cli;
import io.calplanebot.app.config.ConfigLoader;
import io.calplanebot.sample.FakePlane;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The environment of a service on the given sample Plane with the built-in store under {@code data}. */
final class BuiltinStoreEnvironment {
    private static final Pattern FEED_URL = Pattern.compile("(http://\\S+\\.ics)");

    private BuiltinStoreEnvironment() {
    }

    static Map<String, String> of(FakePlane plane, String webhookSecret, Path data) {
        Map<String, String> env = new HashMap<>();
        env.put("PLANE_BASE_URL", plane.baseUrl());
        env.put("PLANE_API_TOKEN", plane.apiKey());
        env.put("PLANE_WORKSPACE_SLUG", plane.workspaceSlug());
        env.put("PLANE_WEBHOOK_SECRET", webhookSecret);
        env.put("HOST", "127.0.0.1");
        env.put("PORT", "0");
        env.put("DATA_DIR", data.toString());
        env.put("LOG_DIR", data.resolveSibling(data.getFileName() + "-logs").toString());
        return env;
    }

    /** Starts the real service on {@code env} and waits until its first full sync has finished. */
    static CalPlaneBotService startAfterFirstSync(Map<String, String> env) {
        ConfigLoader loader = new ConfigLoader(env, Optional.empty());
        CalPlaneBotService service = CalPlaneBotService.start(loader.load(), loader, Clock.systemUTC());
        await().atMost(Duration.ofSeconds(30)).until(() -> service.wiring().engine().status().status().lastRun()
                .isPresent());
        return service;
    }

    /**
     * Adds a feed with {@code calplanebot feeds add <args>} for the service on {@code port}, as a user would, and
     * returns the feed URL it printed.
     */
    static String addFeed(Map<String, String> env, int port, String... args) {
        env.put("PUBLIC_URL", "http://127.0.0.1:" + port);
        StringWriter added = new StringWriter();
        String[] command = new String[args.length + 2];
        command[0] = "feeds";
        command[1] = "add";
        System.arraycopy(args, 0, command, 2, args.length);
        int exit = Cli.commandLine(new ConfigLoader(env, Optional.empty()), Clock.systemUTC())
                .setOut(new PrintWriter(added)).execute(command);
        assertThat(exit).as(added.toString()).isZero();
        Matcher url = FEED_URL.matcher(added.toString());
        assertThat(url.find()).as(added.toString()).isTrue();
        return url.group(1);
    }
}
