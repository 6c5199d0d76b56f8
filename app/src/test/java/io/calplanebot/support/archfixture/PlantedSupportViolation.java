package io.calplanebot.support.archfixture;

import io.calplanebot.adapter.caldav.AuthType;

/** Breaks the HTTP support rule on purpose (it reaches into an adapter), so that the rule is seen to fail. */
public final class PlantedSupportViolation {
    private PlantedSupportViolation() {
    }

    public static String scheme() {
        return AuthType.DIGEST.name();
    }
}
