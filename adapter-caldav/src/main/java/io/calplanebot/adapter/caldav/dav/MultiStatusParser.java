package io.calplanebot.adapter.caldav.dav;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads WebDAV XML answers: 207 Multi-Status bodies and DAV:error bodies. Namespace-aware (servers use any
 * prefixes, Xandikos {@code ns0:}), CDATA-tolerant (Radicale, Cyrus), and safe against external entities.
 */
public final class MultiStatusParser {
    private static final DocumentBuilderFactory FACTORY = factory();

    private MultiStatusParser() {
    }

    /**
     * Parses a multistatus body.
     *
     * @param base the URL the request went to; relative hrefs resolve against it
     * @throws DavFormatException when the body is not a DAV:multistatus document
     */
    public static MultiStatus parse(byte[] body, URI base) {
        Element root = document(body).getDocumentElement();
        if (!DavNames.MULTISTATUS.equals(name(root))) {
            throw new DavFormatException("expected DAV:multistatus, got " + name(root));
        }
        List<DavEntry> entries = new ArrayList<>();
        Optional<String> syncToken = Optional.empty();
        for (Element child : children(root)) {
            QName childName = name(child);
            if (DavNames.RESPONSE.equals(childName)) {
                entries.add(entry(child, base));
            } else if (DavNames.SYNC_TOKEN.equals(childName)) {
                syncToken = Optional.of(child.getTextContent().strip()).filter(t -> !t.isEmpty());
            }
        }
        return new MultiStatus(entries, syncToken);
    }

    /** The precondition names inside a DAV:error body; empty when the body is not one (HTML, text, nothing). */
    public static List<QName> errorConditions(byte[] body) {
        if (body == null || body.length == 0) {
            return List.of();
        }
        try {
            Element root = document(body).getDocumentElement();
            return DavNames.ERROR.equals(name(root)) ? childNames(root) : List.of();
        } catch (DavFormatException e) {
            return List.of();
        }
    }

    /** The status code of an HTTP status line such as {@code HTTP/1.1 404 Not Found}; 0 when unreadable. */
    public static int statusCode(String statusLine) {
        String[] parts = statusLine.strip().split("\\s+");
        if (parts.length < 2) {
            return 0;
        }
        try {
            return Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static DavEntry entry(Element response, URI base) {
        String href = "";
        int status = 0;
        List<DavPropStat> propStats = new ArrayList<>();
        List<QName> errors = new ArrayList<>();
        String description = "";
        for (Element child : children(response)) {
            QName childName = name(child);
            if (DavNames.HREF.equals(childName) && href.isEmpty()) {
                href = child.getTextContent();
            } else if (DavNames.STATUS.equals(childName)) {
                status = statusCode(child.getTextContent());
            } else if (DavNames.PROPSTAT.equals(childName)) {
                propStats.add(propStat(child));
            } else if (DavNames.ERROR.equals(childName)) {
                errors.addAll(childNames(child));
            } else if (DavNames.RESPONSE_DESCRIPTION.equals(childName)) {
                description = child.getTextContent().strip();
            }
        }
        return new DavEntry(Hrefs.resolve(base, href), status, propStats, errors, description);
    }

    private static DavPropStat propStat(Element propStat) {
        int status = 0;
        Map<QName, DavProperty> properties = new LinkedHashMap<>();
        for (Element child : children(propStat)) {
            QName childName = name(child);
            if (DavNames.STATUS.equals(childName)) {
                status = statusCode(child.getTextContent());
            } else if (DavNames.PROP.equals(childName)) {
                for (Element property : children(child)) {
                    properties.put(name(property), property(property));
                }
            }
        }
        return new DavPropStat(status, properties);
    }

    private static DavProperty property(Element property) {
        List<String> hrefs = new ArrayList<>();
        for (Element child : children(property)) {
            if (DavNames.HREF.equals(name(child))) {
                hrefs.add(child.getTextContent().strip());
            }
        }
        return new DavProperty(name(property), property.getTextContent().strip(), childNames(property), hrefs);
    }

    private static List<QName> childNames(Element element) {
        List<QName> names = new ArrayList<>();
        for (Element child : children(element)) {
            names.add(name(child));
        }
        return names;
    }

    private static List<Element> children(Element element) {
        List<Element> elements = new ArrayList<>();
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node.getNodeType() == Node.ELEMENT_NODE) {
                elements.add((Element) node);
            }
        }
        return elements;
    }

    private static QName name(Element element) {
        String namespace = element.getNamespaceURI() == null ? "" : element.getNamespaceURI();
        String local = element.getLocalName() == null ? element.getTagName() : element.getLocalName();
        return new QName(namespace, local);
    }

    private static Document document(byte[] body) {
        try {
            DocumentBuilder builder;
            synchronized (FACTORY) {
                builder = FACTORY.newDocumentBuilder();
            }
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(body));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new DavFormatException("unreadable XML: " + e.getMessage(), e);
        }
    }

    private static DocumentBuilderFactory factory() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setCoalescing(true);
        factory.setExpandEntityReferences(false);
        factory.setXIncludeAware(false);
        try {
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("XML parser cannot be made safe", e);
        }
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return factory;
    }
}
