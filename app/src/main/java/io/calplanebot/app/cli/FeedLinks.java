package io.calplanebot.app.cli;

import java.net.URI;
import java.util.Objects;

/** A feed's URLs: under {@code PUBLIC_URL} (https or http) and the same with the {@code webcal://} scheme. */
record FeedLinks(URI publicUrl, String token) {
    FeedLinks {
        Objects.requireNonNull(publicUrl, "public URL");
        Objects.requireNonNull(token, "token");
    }

    String web() {
        String base = publicUrl.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/feeds/" + token + ".ics";
    }

    /** {@code webcal://} in place of {@code http(s)://}: calendar apps open it as a subscription. */
    String webcal() {
        String web = web();
        return "webcal://" + web.substring(web.indexOf("://") + 3);
    }
}
