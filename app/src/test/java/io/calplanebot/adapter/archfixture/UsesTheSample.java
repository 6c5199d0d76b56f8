package io.calplanebot.adapter.archfixture;

import io.calplanebot.sample.SampleWorkspace;

/** Breaks the sample rule on purpose (an adapter uses the sample Plane), so that the rule is seen to fail. */
public final class UsesTheSample {
    private UsesTheSample() {
    }

    public static String slug() {
        return SampleWorkspace.bundled().slug();
    }
}
