package io.calplanebot.core.domain;

/** The iCalendar STATUS values we write on events. */
public enum EventStatus {
    CONFIRMED, CANCELLED
}
