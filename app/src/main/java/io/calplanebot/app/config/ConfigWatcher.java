package io.calplanebot.app.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Watches the {@code .env} file and hands a freshly validated configuration to a listener when it changes. An
 * invalid edit is logged with every problem, and the running settings stay. Polls the file's modification time and
 * size, which works on every file system (including bind mounts where change notifications never arrive).
 */
public final class ConfigWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigWatcher.class);

    private final ConfigLoader loader;
    private final Path file;
    private final Consumer<AppConfig> listener;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "calplanebot-config");
        thread.setDaemon(true);
        return thread;
    });
    private Optional<String> lastSeen;

    public ConfigWatcher(ConfigLoader loader, Path file, Consumer<AppConfig> listener) {
        this.loader = Objects.requireNonNull(loader, "loader");
        this.file = Objects.requireNonNull(file, "file");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.lastSeen = stamp();
    }

    public ConfigWatcher start(Duration every) {
        timer.scheduleWithFixedDelay(this::check, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** Looks at the file once; reloads when it changed. */
    public synchronized void check() {
        Optional<String> now = stamp();
        if (now.equals(lastSeen)) {
            return;
        }
        lastSeen = now;
        try {
            AppConfig config = loader.load();
            LOG.info("Configuration reloaded from {}", file);
            listener.accept(config);
        } catch (ConfigException e) {
            LOG.error("Configuration change in {} ignored; the running settings stay. {}", file, e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Applying the configuration change in {} failed: {}", file, e.getMessage());
        }
    }

    private Optional<String> stamp() {
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            return Optional.of(modified.toMillis() + ":" + Files.size(file) + ":" + Files.readString(file).hashCode());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
