package io.calplanebot.adapter.caldav;

/** iCalendar objects as other calendar clients write them. */
final class ForeignEvents {
    private ForeignEvents() {
    }

    /** A plain all-day event with the given UID, as a phone calendar might store it (LF line ends even). */
    static String allDay(String uid, String summary) {
        return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Example Corp.//Phone Calendar//EN\r\n"
                + "BEGIN:VEVENT\r\nUID:" + uid + "\r\nDTSTAMP:20250101T120000Z\r\n"
                + "DTSTART;VALUE=DATE:20261224\r\nDTEND;VALUE=DATE:20261225\r\nSUMMARY:" + summary + "\r\n"
                + "X-EXAMPLE-CUSTOM;X-PARAM=foo:custom value\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    }

    /** The object with an alarm and an X- property added to its VEVENT, as a calendar user's client would. */
    static String withAlarmAndXProperty(String ics) {
        String unfolded = ics.replace("\r\n ", "").replace("\n ", "");
        int end = unfolded.lastIndexOf("END:VEVENT");
        if (end < 0) {
            throw new AssertionError("no VEVENT in " + ics);
        }
        String lineEnd = unfolded.contains("\r\n") ? "\r\n" : "\n";
        String added = "X-CLIENT-NOTE;X-SOURCE=phone:keep me, please" + lineEnd
                + "BEGIN:VALARM" + lineEnd + "ACTION:DISPLAY" + lineEnd + "DESCRIPTION:Reminder" + lineEnd
                + "TRIGGER:-PT15M" + lineEnd + "END:VALARM" + lineEnd;
        return unfolded.substring(0, end) + added + unfolded.substring(end);
    }
}
