package io.calplanebot.app.config;

/** How to authenticate to the CalDAV server. */
public enum AuthType {
    BASIC, DIGEST
}
