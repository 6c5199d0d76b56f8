package io.calplanebot.core.sync;

import io.calplanebot.core.domain.webhook.WebhookNotification;
import io.calplanebot.core.port.in.ApplyChangeUseCase;
import io.calplanebot.core.port.out.ChangeDispatcher;

import java.util.Objects;

/** Applies each change at once in the caller's thread; for embedding and tests. */
public final class DirectChangeDispatcher implements ChangeDispatcher {
    private final ApplyChangeUseCase applier;

    public DirectChangeDispatcher(ApplyChangeUseCase applier) {
        this.applier = Objects.requireNonNull(applier, "applier");
    }

    @Override
    public void dispatch(WebhookNotification notification) {
        applier.apply(notification);
    }

    @Override
    public int pending() {
        return 0;
    }
}
