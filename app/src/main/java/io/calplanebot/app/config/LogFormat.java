package io.calplanebot.app.config;

/** How log lines look: the spec's text lines or JSON lines. */
public enum LogFormat {
    TEXT, JSON
}
