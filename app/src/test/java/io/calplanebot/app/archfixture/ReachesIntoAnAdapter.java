package io.calplanebot.app.archfixture;

import io.calplanebot.adapter.plane.html.HtmlToText;

/** Test code only: reaches into an adapter's internals, to prove the rule that forbids it can fail. */
public final class ReachesIntoAnAdapter {
    private ReachesIntoAnAdapter() {
    }

    public static String plain(String html) {
        return HtmlToText.convert(html);
    }
}
