package io.calplanebot.core.port.in;

import io.calplanebot.core.domain.feed.FeedName;

/** A feed was to be added under a name another feed has. */
public class FeedNameTakenException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String name;

    public FeedNameTakenException(FeedName name) {
        super("A feed named '" + name + "' exists; revoke it first or choose another name");
        this.name = name.value();
    }

    public String name() {
        return name;
    }
}
