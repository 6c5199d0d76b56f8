package io.calplanebot.adapter.http.support;

/** Escaping for server-rendered HTML: every text and attribute value goes through {@link #text}. */
public final class Html {
    private Html() {
    }

    /** The value with {@code & < > " '} replaced by character references, safe in element text and quoted attributes. */
    public static String text(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&':
                    out.append("&amp;");
                    break;
                case '<':
                    out.append("&lt;");
                    break;
                case '>':
                    out.append("&gt;");
                    break;
                case '"':
                    out.append("&quot;");
                    break;
                case '\'':
                    out.append("&#39;");
                    break;
                default:
                    out.append(c);
            }
        }
        return out.toString();
    }
}
