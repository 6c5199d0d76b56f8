package io.calplanebot.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * vdirsyncer pushing the same events from a local vdir (one {@code .ics} file per event) into one CalDAV calendar:
 * the reference for the initial sync and for a resync with nothing changed.
 */
final class Vdirsyncer {
    private final Path dir;
    private final Path config;

    private Vdirsyncer(Path dir, Path config) {
        this.dir = dir;
        this.config = config;
    }

    /** Writes the events into a vdir and a configuration pairing it with {@code calendar}. */
    static Vdirsyncer prepare(Path workDir, List<String> events, URI calendar, String user, String password)
            throws IOException, InterruptedException {
        Path dir = Files.createDirectories(workDir.resolve("vdirsyncer"));
        Path vdir = Files.createDirectories(dir.resolve("events"));
        for (int i = 0; i < events.size(); i++) {
            Files.writeString(vdir.resolve("event-" + i + ".ics"), events.get(i), StandardCharsets.UTF_8);
        }
        Path config = dir.resolve("config");
        Files.writeString(config, String.join("\n",
                "[general]",
                "status_path = \"" + dir.resolve("status") + "\"",
                "",
                "[pair bench]",
                "a = \"local\"",
                "b = \"server\"",
                "collections = null",
                "conflict_resolution = \"a wins\"",
                "",
                "[storage local]",
                "type = \"filesystem\"",
                "path = \"" + vdir + "\"",
                "fileext = \".ics\"",
                "",
                "[storage server]",
                "type = \"caldav\"",
                "url = \"" + calendar + "\"",
                "username = \"" + user + "\"",
                "password = \"" + password + "\"",
                "auth = \"basic\"",
                ""));
        Timed discover = Timed.run(List.of("vdirsyncer", "-c", config.toString(), "discover", "bench"), Map.of(),
                dir);
        if (discover.exitCode() != 0) {
            throw new IOException("vdirsyncer discover failed: " + discover.output());
        }
        return new Vdirsyncer(dir, config);
    }

    /** One {@code vdirsyncer sync}; the first uploads every event, the next finds nothing to do. */
    Timed sync() throws IOException, InterruptedException {
        Timed run = Timed.run(List.of("vdirsyncer", "-c", config.toString(), "sync"), Map.of(), dir);
        if (run.exitCode() != 0) {
            throw new IOException("vdirsyncer sync failed: " + run.output());
        }
        return run;
    }
}
