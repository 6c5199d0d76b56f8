package io.calplanebot.ical;


/** Makes a URL string acceptable as an iCalendar URI value by percent-encoding what a URI may not contain. */
final class UriText {
    private static final String ALLOWED = "-._~:/?#[]@!$&'()*+,;=%";

    private UriText() {
    }

    static String escape(String url) {
        return PercentEncoding.encode(url.strip(), ALLOWED);
    }
}
