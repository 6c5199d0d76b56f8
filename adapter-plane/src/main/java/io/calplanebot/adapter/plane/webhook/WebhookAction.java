package io.calplanebot.adapter.plane.webhook;

import io.calplanebot.core.domain.webhook.ChangeAction;

import java.util.Locale;
import java.util.Optional;

/** Plane sends {@code created|updated|deleted}; the spec's examples and older tools say {@code create|update|delete}. */
public final class WebhookAction {
    private WebhookAction() {
    }

    public static Optional<ChangeAction> parse(String wire) {
        switch (wire.strip().toLowerCase(Locale.ROOT)) {
            case "created":
            case "create":
                return Optional.of(ChangeAction.CREATED);
            case "updated":
            case "update":
                return Optional.of(ChangeAction.UPDATED);
            case "deleted":
            case "delete":
                return Optional.of(ChangeAction.DELETED);
            default:
                return Optional.empty();
        }
    }
}
