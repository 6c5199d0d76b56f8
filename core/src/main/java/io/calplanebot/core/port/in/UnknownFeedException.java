package io.calplanebot.core.port.in;

import io.calplanebot.core.domain.feed.FeedName;

/** A feed was named that does not exist. */
public class UnknownFeedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String name;

    public UnknownFeedException(FeedName name) {
        super("There is no feed named '" + name + "'");
        this.name = name.value();
    }

    public String name() {
        return name;
    }
}
