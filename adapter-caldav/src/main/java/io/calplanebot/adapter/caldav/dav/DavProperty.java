package io.calplanebot.adapter.caldav.dav;

import javax.xml.namespace.QName;
import java.util.List;
import java.util.Objects;

/**
 * One property value from a multistatus answer.
 *
 * @param text     the element's text content, trimmed (CDATA included)
 * @param children the names of its child elements (for resourcetype, current-user-principal…)
 * @param hrefs    the text of its DAV:href children, as sent (not yet resolved or decoded)
 */
public record DavProperty(QName name, String text, List<QName> children, List<String> hrefs) {
    public DavProperty {
        Objects.requireNonNull(name, "name");
        text = Objects.requireNonNull(text, "text");
        children = List.copyOf(children);
        hrefs = List.copyOf(hrefs);
    }

    public boolean hasChild(QName child) {
        return children.contains(child);
    }
}
