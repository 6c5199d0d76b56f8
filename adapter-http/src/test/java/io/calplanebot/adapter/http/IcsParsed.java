package io.calplanebot.adapter.http;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A feed as a second, independent parser (ical4j, which our streaming writer does not use) reads it: the calendar's
 * properties and each event's, by UID. It unfolds, unescapes and checks the syntax on its own terms.
 */
final class IcsParsed {
    final Calendar calendar;
    final Map<String, VEvent> events = new LinkedHashMap<>();

    private IcsParsed(Calendar calendar) {
        this.calendar = calendar;
        List<VEvent> all = calendar.getComponents(Component.VEVENT);
        for (VEvent event : all) {
            events.put(value(event, Property.UID), event);
        }
    }

    static IcsParsed parse(String ics) {
        try {
            return new IcsParsed(new CalendarBuilder().build(new StringReader(ics)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParserException e) {
            throw new AssertionError("ical4j cannot read the feed: " + e.getMessage(), e);
        }
    }

    String calendarProperty(String name) {
        return calendar.getProperty(name).map(Property::getValue).orElse(null);
    }

    static String value(VEvent event, String name) {
        return event.getProperty(name).map(Property::getValue).orElse(null);
    }

    String eventProperty(String uid, String name) {
        VEvent event = events.get(uid);
        if (event == null) {
            throw new AssertionError("no event " + uid + " in the feed; it holds " + events.keySet());
        }
        return value(event, name);
    }
}
