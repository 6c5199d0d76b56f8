package io.calplanebot.adapter.caldav.dav;

import javax.xml.namespace.QName;
import java.util.List;
import java.util.Map;

/** The XML request bodies this client sends. */
public final class DavXml {
    private static final String HEAD = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n";
    private static final String NAMESPACES = " xmlns:D=\"DAV:\" xmlns:C=\"" + DavNames.CALDAV + "\" xmlns:A=\""
            + DavNames.APPLE + "\"";

    private DavXml() {
    }

    /** PROPFIND for the given properties (DAV:, CalDAV or Apple names). */
    public static String propfind(QName... properties) {
        StringBuilder xml = new StringBuilder(HEAD).append("<D:propfind").append(NAMESPACES).append("><D:prop>");
        for (QName property : properties) {
            xml.append('<').append(prefix(property)).append(':').append(property.getLocalPart()).append("/>");
        }
        return xml.append("</D:prop></D:propfind>").toString();
    }

    /** MKCALENDAR that sets the given properties to text values. */
    public static String mkcalendar(Map<QName, String> properties) {
        return HEAD + "<C:mkcalendar" + NAMESPACES + "><D:set>" + props(properties) + "</D:set></C:mkcalendar>";
    }

    /** PROPPATCH that sets the given properties to text values. */
    public static String proppatch(Map<QName, String> properties) {
        return HEAD + "<D:propertyupdate" + NAMESPACES + "><D:set>" + props(properties) + "</D:set></D:propertyupdate>";
    }

    /** calendar-query for the ETag alone of every VEVENT object: what a listing needs to see what changed. */
    public static String eventEtagQuery() {
        return calendarQuery("<D:getetag/>", "<C:comp-filter name=\"VEVENT\"/>");
    }

    /** calendar-query for the VEVENT objects whose UID contains the given text (the caller compares exactly). */
    public static String eventQueryByUid(String uid) {
        return calendarQuery("<D:getetag/><C:calendar-data/>", "<C:comp-filter name=\"VEVENT\"><C:prop-filter "
                + "name=\"UID\"><C:text-match>" + escape(uid) + "</C:text-match></C:prop-filter></C:comp-filter>");
    }

    /**
     * sync-collection (RFC 6578) for the ETags of the members changed since {@code token}, and the members removed
     * since; an empty token asks for every member.
     */
    public static String syncCollection(String token) {
        return HEAD + "<D:sync-collection" + NAMESPACES + "><D:sync-token>" + escape(token) + "</D:sync-token>"
                + "<D:sync-level>1</D:sync-level><D:prop><D:getetag/></D:prop></D:sync-collection>";
    }

    /** calendar-multiget (RFC 4791, section 7.9) for the ETag and calendar data of the resources at these paths. */
    public static String eventMultiget(List<String> paths) {
        StringBuilder xml = new StringBuilder(HEAD).append("<C:calendar-multiget").append(NAMESPACES)
                .append("><D:prop><D:getetag/><C:calendar-data/></D:prop>");
        for (String path : paths) {
            xml.append("<D:href>").append(escape(path)).append("</D:href>");
        }
        return xml.append("</C:calendar-multiget>").toString();
    }

    private static String calendarQuery(String props, String eventFilter) {
        return HEAD + "<C:calendar-query" + NAMESPACES + "><D:prop>" + props + "</D:prop>"
                + "<C:filter><C:comp-filter name=\"VCALENDAR\">" + eventFilter + "</C:comp-filter></C:filter>"
                + "</C:calendar-query>";
    }

    private static String props(Map<QName, String> properties) {
        StringBuilder xml = new StringBuilder("<D:prop>");
        properties.forEach((name, value) -> {
            String tag = prefix(name) + ':' + name.getLocalPart();
            xml.append('<').append(tag).append('>').append(escape(value)).append("</").append(tag).append('>');
        });
        return xml.append("</D:prop>").toString();
    }

    private static String prefix(QName name) {
        switch (name.getNamespaceURI()) {
            case DavNames.DAV:
                return "D";
            case DavNames.CALDAV:
                return "C";
            case DavNames.APPLE:
                return "A";
            default:
                throw new IllegalArgumentException("no prefix for namespace " + name.getNamespaceURI());
        }
    }

    /** XML text escaping for element content. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c == '&') {
                out.append("&amp;");
            } else if (c == '<') {
                out.append("&lt;");
            } else if (c == '>') {
                out.append("&gt;");
            } else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                out.append(' '); // not allowed in XML 1.0
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
