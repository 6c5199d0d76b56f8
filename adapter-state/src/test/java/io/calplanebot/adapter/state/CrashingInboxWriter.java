package io.calplanebot.adapter.state;

import io.calplanebot.core.domain.webhook.RawWebhook;
import io.calplanebot.core.port.out.StateStore;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The child process of {@link InboxCrashIT}: four threads store deliveries until the process is killed, and each
 * prints {@code stored <body>} once its store has returned (when the service would answer 200).
 * Arguments: the data directory, the round (which makes the bodies unique).
 */
public final class CrashingInboxWriter {
    private CrashingInboxWriter() {
    }

    public static void main(String[] args) {
        StateStore store = JdbcStateStore.embedded(Path.of(args[0]));
        String round = args[1];
        System.out.println("ready");
        System.out.flush();
        for (int t = 0; t < 4; t++) {
            String thread = Integer.toString(t);
            new Thread(() -> {
                for (int i = 0; ; i++) {
                    String body = "{\"round\":" + round + ",\"thread\":" + thread + ",\"n\":" + i + "}";
                    store.inbox().store(RawWebhook.of(Map.of("X-Plane-Event", "issue"),
                            body.getBytes(StandardCharsets.UTF_8)), "issue:" + thread, Optional.empty(),
                            Instant.now());
                    synchronized (System.out) {
                        System.out.println("stored " + body);
                        System.out.flush();
                    }
                }
            }).start();
        }
    }
}
