package io.calplanebot.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A command run to its end under GNU time: wall time, CPU (user + system) and peak resident memory.
 *
 * @param output what it printed (stdout and stderr)
 */
record Timed(double wallSeconds, double cpuSeconds, double peakRssMb, int exitCode, String output) {

    static Timed run(List<String> command, Map<String, String> env, Path workDir) throws IOException,
            InterruptedException {
        Path times = Files.createTempFile("bench-time", ".txt");
        List<String> full = new ArrayList<>(List.of("/usr/bin/time", "-o", times.toString(), "-f",
                "%e %U %S %M"));
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full).directory(workDir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IOException("timed out: " + command);
        }
        String[] fields = Files.readString(times).strip().split("\\s+");
        Files.deleteIfExists(times);
        String[] last = fields.length >= 4 ? fields : new String[] {"0", "0", "0", "0"};
        int n = last.length;
        return new Timed(Double.parseDouble(last[n - 4]), Double.parseDouble(last[n - 3])
                + Double.parseDouble(last[n - 2]), Double.parseDouble(last[n - 1]) / 1024.0, process.exitValue(),
                new String(out, StandardCharsets.UTF_8));
    }

    /**
     * The sync's own seconds, from the last line of its summary table ({@code all … success 0.54}): the run without
     * the JVM's start and exit; NaN when the output has no such line (another program, or a failed run).
     */
    double syncSeconds() {
        Matcher all = Pattern.compile("(?m)^all\\s.*\\s(\\d+(?:\\.\\d+)?)\\s*$")
                .matcher(output.replaceAll("\u001B\\[[0-9;]*m", ""));
        double seconds = Double.NaN;
        while (all.find()) {
            seconds = Double.parseDouble(all.group(1));
        }
        return seconds;
    }
}
