package io.calplanebot.core.sync;

import java.util.Optional;

/**
 * Asked under the event's lock just before an action is carried out: whether it must be left out because newer
 * data reached the event since the plan was made (a full sync's listing is older than a webhook change applied
 * while it ran).
 */
@FunctionalInterface
interface WriteGuard {

    /** Lets every action through: right when the plan was made from data read under the same lock. */
    WriteGuard NONE = action -> Optional.empty();

    /** @return why the action is left out, or empty to carry it out */
    Optional<String> refusal(SyncAction action);
}
