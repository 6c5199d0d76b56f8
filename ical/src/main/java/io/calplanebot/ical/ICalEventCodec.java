package io.calplanebot.ical;

import io.calplanebot.core.domain.CalendarEvent;
import io.calplanebot.core.domain.EventStatus;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.DefaultParameterFactorySupplier;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.ParameterBuilder;
import net.fortuna.ical4j.model.ParameterFactory;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.TextList;
import net.fortuna.ical4j.model.component.CalendarComponent;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.Color;
import net.fortuna.ical4j.model.property.Created;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Transp;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.Version;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.util.CompatibilityHints;

import java.io.IOException;
import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Turns {@link CalendarEvent}s into iCalendar objects and back, with ical4j.
 * <ul>
 *   <li>{@link #encodeNew} writes a complete VCALENDAR with one all-day VEVENT (without ical4j: {@link IcsWriter}
 *       writes it, as ical4j would).</li>
 *   <li>{@link #merge} rewrites only the managed properties of a stored object, so alarms, X- properties and
 *       anything else a calendar user added survive; ATTENDEE and ORGANIZER are dropped, never written. An object
 *       as this product writes it, which nobody changed, is merged without ical4j ({@link PlainEventMerge}).</li>
 *   <li>{@link #decode} reads the managed properties back, whatever order or folding the server chose, and
 *       merges CATEGORIES spread over several properties.</li>
 * </ul>
 * Output is RFC 5545: CRLF, folded at 75 octets, PRODID set, text escaped. The form made by
 * {@link #withIssueFacts()} also writes and reads the issue facts as X-PLANE- properties
 * (see {@link IssueFactsProperties}); the plain form, for CalDAV servers, neither writes nor reads them.
 */
public final class ICalEventCodec {
    /** The PRODID this product writes. */
    public static final String PRODUCT_ID = "-//CalPlaneBot//CalPlaneBot//EN";

    /** Properties an update replaces; everything else in the VEVENT is kept. */
    private static final Set<String> MANAGED = Set.of("UID", "SUMMARY", "DESCRIPTION", "DTSTART", "DTEND", "DURATION",
            "STATUS", "CATEGORIES", "COLOR", "URL", "DTSTAMP", "LAST-MODIFIED", "SEQUENCE", "ATTENDEE", "ORGANIZER");

    private static final List<ParameterFactory<? extends Parameter>> PARAMETERS = new DefaultParameterFactorySupplier().get();

    static {
        // Real servers and clients write sloppy data: read it leniently, write strictly.
        CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_RELAXED_UNFOLDING, true);
        CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_RELAXED_PARSING, true);
        CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_RELAXED_VALIDATION, true);
    }

    private final Clock clock;
    private final boolean issueFacts;

    public ICalEventCodec(Clock clock) {
        this(clock, false);
    }

    private ICalEventCodec(Clock clock, boolean issueFacts) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.issueFacts = issueFacts;
    }

    /** The same codec, also writing the issue facts as X-PLANE- properties and reading them back. */
    public ICalEventCodec withIssueFacts() {
        return new ICalEventCodec(clock, true);
    }

    /**
     * A new iCalendar object holding just this event, written by {@link IcsWriter} (the form an update of an
     * unchanged object writes too, {@link PlainEventMerge}).
     */
    public String encodeNew(CalendarEvent event) {
        return IcsWriter.calendarObject(event, EventStamp.newEvent(now()), issueFacts);
    }

    /**
     * {@link #encodeNew} built by ical4j, as this codec wrote new events before {@link IcsWriter} did; the tests
     * hold {@link IcsWriter}'s events to it, property by property.
     */
    String encodeNewParsed(CalendarEvent event) {
        Instant now = now();
        VEvent vevent = new VEvent(false);
        vevent.add(new Uid(event.uid()));
        vevent.add(new DtStamp(now));
        vevent.add(new Created(now));
        vevent.add(new LastModified(now));
        vevent.add(new Sequence(0));
        addManaged(vevent, event);
        addFacts(vevent, event);
        vevent.add(new Transp(new ParameterList(), Transp.VALUE_TRANSPARENT));
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODUCT_ID));
        calendar.add(new Version(new ParameterList(), Version.VALUE_2_0));
        calendar.add(vevent);
        return IcsFolding.fold(calendar.toString());
    }

    /**
     * The stored object with the managed properties of its VEVENT replaced by the event's, SEQUENCE increased
     * and DTSTAMP/LAST-MODIFIED set to now. Components and properties we do not manage are kept as they are.
     *
     * @throws IcsFormatException when the stored data cannot be read or holds no VEVENT with the event's UID
     */
    public String merge(String storedIcs, CalendarEvent event) {
        return PlainEventMerge.merge(storedIcs, event, now(), issueFacts)
                .orElseGet(() -> mergeParsed(storedIcs, event));
    }

    /** {@link #merge} by ical4j, for any object: parsed, its managed properties replaced, written again. */
    String mergeParsed(String storedIcs, CalendarEvent event) {
        Calendar calendar = parse(storedIcs);
        VEvent master = master(calendar, event.uid())
                .orElseThrow(() -> new IcsFormatException("the stored object holds no VEVENT with UID " + event.uid()
                        + " (it holds " + uids(calendar) + ")"));
        int sequence = master.getProperty(Property.SEQUENCE).map(ICalEventCodec::sequenceOf).orElse(0);
        master.removeIf(property -> isReplaced(property.getName().toUpperCase(Locale.ROOT)));
        Instant now = now();
        master.add(new Uid(event.uid()));
        master.add(new DtStamp(now));
        master.add(new LastModified(now));
        master.add(new Sequence(sequence + 1));
        addManaged(master, event);
        addFacts(master, event);
        calendar.removeAll(Property.PRODID);
        calendar.add(new ProdId(PRODUCT_ID));
        return IcsFolding.fold(calendar.toString());
    }

    /**
     * The managed properties of the object's main VEVENT (the one without RECURRENCE-ID).
     *
     * @throws IcsFormatException when the data cannot be read or holds no VEVENT with a UID
     */
    public CalendarEvent decode(String ics) {
        Calendar calendar = parse(ics);
        VEvent vevent = firstMaster(calendar)
                .orElseThrow(() -> new IcsFormatException("the object holds no VEVENT with a UID"));
        String uid = text(vevent, Property.UID);
        LocalDate start = date(vevent, Property.DTSTART)
                .orElseThrow(() -> new IcsFormatException("event " + uid + " has no DTSTART"));
        LocalDate end = date(vevent, Property.DTEND).filter(e -> e.isAfter(start)).orElse(start.plusDays(1));
        EventStatus status = "CANCELLED".equalsIgnoreCase(text(vevent, Property.STATUS))
                ? EventStatus.CANCELLED : EventStatus.CONFIRMED;
        Optional<String> color = vevent.getProperty("COLOR").map(Property::getValue).filter(v -> !v.isBlank());
        CalendarEvent event = new CalendarEvent(uid, text(vevent, Property.SUMMARY), text(vevent, Property.DESCRIPTION),
                start, end, status, categories(vevent), color, text(vevent, Property.URL));
        return issueFacts ? IssueFactsProperties.attach(event, factProperties(vevent)) : event;
    }

    /**
     * The same as {@link #decode}, read without ical4j when the data is a plain one-event object (as every file the
     * built-in store writes is), which is about a hundred times faster; anything else goes to {@link #decode}.
     *
     * @throws IcsFormatException when the data cannot be read or holds no VEVENT with a UID
     */
    public CalendarEvent decodeQuickly(String ics) {
        return IcsEventReader.read(ics, issueFacts).orElseGet(() -> decode(ics));
    }

    /** The UID of the object's main VEVENT, if it has one. */
    public Optional<String> uidOf(String ics) {
        return firstMaster(parse(ics)).map(v -> text(v, Property.UID));
    }

    private static void addManaged(VEvent vevent, CalendarEvent event) {
        vevent.add(new Summary(event.summary()));
        if (!event.description().isEmpty()) {
            vevent.add(new Description(event.description()));
        }
        vevent.add(new DtStart<>(event.start()));
        vevent.add(new DtEnd<>(event.end()));
        vevent.add(new Status(new ParameterList(), event.status().name()));
        List<String> categories = new ArrayList<>(event.categorySet());
        if (!categories.isEmpty()) {
            vevent.add(new Categories(new TextList(categories)));
        }
        event.color().ifPresent(color -> vevent.add(new Color(new ParameterList(), color)));
        if (!event.url().isBlank()) {
            vevent.add(new Url(new ParameterList(), UriText.escape(event.url())));
        }
    }

    private boolean isReplaced(String name) {
        return isReplaced(name, issueFacts);
    }

    /** Whether an update replaces (or drops) the VEVENT property of this upper-case name. */
    static boolean isReplaced(String name, boolean issueFacts) {
        return MANAGED.contains(name) || issueFacts && name.startsWith(IssueFactsProperties.PREFIX);
    }

    private void addFacts(VEvent vevent, CalendarEvent event) {
        if (!issueFacts) {
            return;
        }
        for (ExtraProperty extra : IssueFactsProperties.of(event)) {
            List<Parameter> parameters = new ArrayList<>();
            for (ExtraProperty.Parameter parameter : extra.parameters()) {
                parameters.add(new ParameterBuilder(PARAMETERS).name(parameter.name()).value(parameter.value()).build());
            }
            vevent.add(new XProperty(extra.name(), new ParameterList(parameters), extra.value()));
        }
    }

    private static List<ExtraProperty> factProperties(VEvent vevent) {
        List<ExtraProperty> found = new ArrayList<>();
        for (Property property : vevent.getProperties()) {
            String name = property.getName().toUpperCase(Locale.ROOT);
            if (name.startsWith(IssueFactsProperties.PREFIX) && ExtraProperty.isName(name)) {
                List<ExtraProperty.Parameter> parameters = new ArrayList<>();
                for (Parameter parameter : property.getParameters()) {
                    if (ExtraProperty.isName(parameter.getName())) {
                        parameters.add(new ExtraProperty.Parameter(parameter.getName().toUpperCase(Locale.ROOT),
                                parameter.getValue()));
                    }
                }
                found.add(new ExtraProperty(name, parameters, property.getValue()));
            }
        }
        return found;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    private static Calendar parse(String ics) {
        try {
            return new CalendarBuilder().build(new StringReader(ics));
        } catch (ParserException | IOException | RuntimeException e) {
            throw new IcsFormatException("not a readable iCalendar object: " + e.getMessage(), e);
        }
    }

    private static Optional<VEvent> master(Calendar calendar, String uid) {
        return masters(calendar).stream().filter(v -> uid.equals(text(v, Property.UID))).findFirst();
    }

    private static Optional<VEvent> firstMaster(Calendar calendar) {
        return masters(calendar).stream().filter(v -> !text(v, Property.UID).isBlank()).findFirst();
    }

    private static List<VEvent> masters(Calendar calendar) {
        List<VEvent> masters = new ArrayList<>();
        for (CalendarComponent component : calendar.getComponents()) {
            if (component instanceof VEvent && component.getProperty(Property.RECURRENCE_ID).isEmpty()) {
                masters.add((VEvent) component);
            }
        }
        return masters;
    }

    private static List<String> uids(Calendar calendar) {
        List<String> uids = new ArrayList<>();
        masters(calendar).forEach(v -> uids.add(text(v, Property.UID)));
        return uids;
    }

    private static String text(VEvent vevent, String name) {
        return vevent.getProperty(name).map(Property::getValue).orElse("");
    }

    /** The date part of a DATE or DATE-TIME value, read from the text so that unknown time zones cannot fail. */
    private static Optional<LocalDate> date(VEvent vevent, String name) {
        Optional<String> value = vevent.getProperty(name).map(Property::getValue).map(String::strip);
        if (value.isEmpty() || value.get().length() < 8) {
            return Optional.empty();
        }
        String digits = value.get().substring(0, 8);
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(digits.substring(0, 4)),
                    Integer.parseInt(digits.substring(4, 6)), Integer.parseInt(digits.substring(6, 8))));
        } catch (RuntimeException e) {
            throw new IcsFormatException(name + " is not a date: " + value.get(), e);
        }
    }

    /** Every CATEGORIES property's values, in order and without repeats (Cyrus and Radicale split them). */
    private static List<String> categories(VEvent vevent) {
        Set<String> all = new LinkedHashSet<>();
        for (Property property : vevent.getProperties(Property.CATEGORIES)) {
            if (property instanceof Categories) {
                all.addAll(((Categories) property).getCategories().getTexts());
            } else {
                all.addAll(new TextList(property.getValue()).getTexts());
            }
        }
        all.removeIf(String::isBlank);
        return new ArrayList<>(all);
    }

    private static int sequenceOf(Property property) {
        try {
            return Integer.parseInt(property.getValue().strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
