package io.calplanebot.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * vdirsyncer pushing the same events from a local vdir (one folder per calendar, one {@code .ics} file per event)
 * into the same number of CalDAV calendars: the reference for the initial sync and for a resync with nothing changed.
 */
final class Vdirsyncer {
    private final Path dir;
    private final Path config;

    private Vdirsyncer(Path dir, Path config) {
        this.dir = dir;
        this.config = config;
    }

    /**
     * Writes the events into a vdir (one folder per collection) and a configuration pairing each folder with the
     * calendar of the same name under {@code home}.
     */
    static Vdirsyncer prepare(Path workDir, List<String> collections, List<List<String>> events, URI home,
                              String user, String password) throws IOException, InterruptedException {
        Path dir = Files.createDirectories(workDir.resolve("vdirsyncer"));
        Path vdir = Files.createDirectories(dir.resolve("events"));
        for (int c = 0; c < collections.size(); c++) {
            Path folder = Files.createDirectories(vdir.resolve(collections.get(c)));
            for (int i = 0; i < events.get(c).size(); i++) {
                Files.writeString(folder.resolve("event-" + i + ".ics"), events.get(c).get(i),
                        StandardCharsets.UTF_8);
            }
        }
        StringBuilder names = new StringBuilder();
        for (String collection : collections) {
            names.append(names.length() == 0 ? "" : ", ").append('"').append(collection).append('"');
        }
        Path config = dir.resolve("config");
        Files.writeString(config, String.join("\n",
                "[general]",
                "status_path = \"" + dir.resolve("status") + "\"",
                "",
                "[pair bench]",
                "a = \"local\"",
                "b = \"server\"",
                "collections = [" + names + "]",
                "conflict_resolution = \"a wins\"",
                "",
                "[storage local]",
                "type = \"filesystem\"",
                "path = \"" + vdir + "\"",
                "fileext = \".ics\"",
                "",
                "[storage server]",
                "type = \"caldav\"",
                "url = \"" + home + "\"",
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
