package io.calplanebot.core.port.in;

import java.util.Optional;

/** Serves subscribable feeds. */
public interface ReadFeedUseCase {

    /** The feed this token opens; empty for a token that is unknown, revoked or malformed. */
    Optional<Feed> byToken(String token);

    /**
     * A project's unfiltered feed without a token (for a trusted LAN; the caller decides whether that is allowed);
     * empty when no event belongs to that project (identifier or id).
     */
    Optional<Feed> publicProject(String project);
}
