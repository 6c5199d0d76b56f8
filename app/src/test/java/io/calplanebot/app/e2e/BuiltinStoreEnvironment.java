package io.calplanebot.app.e2e;

import io.calplanebot.sample.FakePlane;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The environment of a service on the given sample Plane with the built-in store under {@code data}. */
final class BuiltinStoreEnvironment {
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
}
