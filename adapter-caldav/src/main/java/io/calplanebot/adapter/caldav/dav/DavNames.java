package io.calplanebot.adapter.caldav.dav;

import javax.xml.namespace.QName;

/** The XML names this client reads. */
public final class DavNames {
    public static final String DAV = "DAV:";
    public static final String CALDAV = "urn:ietf:params:xml:ns:caldav";
    public static final String APPLE = "http://apple.com/ns/ical/";

    public static final QName MULTISTATUS = new QName(DAV, "multistatus");
    public static final QName RESPONSE = new QName(DAV, "response");
    public static final QName HREF = new QName(DAV, "href");
    public static final QName STATUS = new QName(DAV, "status");
    public static final QName PROPSTAT = new QName(DAV, "propstat");
    public static final QName PROP = new QName(DAV, "prop");
    public static final QName ERROR = new QName(DAV, "error");
    public static final QName RESPONSE_DESCRIPTION = new QName(DAV, "responsedescription");
    public static final QName SYNC_TOKEN = new QName(DAV, "sync-token");

    public static final QName RESOURCETYPE = new QName(DAV, "resourcetype");
    public static final QName DISPLAYNAME = new QName(DAV, "displayname");
    public static final QName GETETAG = new QName(DAV, "getetag");
    public static final QName CURRENT_USER_PRINCIPAL = new QName(DAV, "current-user-principal");
    public static final QName UNAUTHENTICATED = new QName(DAV, "unauthenticated");
    public static final QName COLLECTION = new QName(DAV, "collection");

    public static final QName CALENDAR = new QName(CALDAV, "calendar");
    public static final QName CALENDAR_HOME_SET = new QName(CALDAV, "calendar-home-set");
    public static final QName CALENDAR_DATA = new QName(CALDAV, "calendar-data");
    public static final QName CALENDAR_DESCRIPTION = new QName(CALDAV, "calendar-description");
    public static final QName CALENDAR_COLOR = new QName(APPLE, "calendar-color");

    private DavNames() {
    }
}
