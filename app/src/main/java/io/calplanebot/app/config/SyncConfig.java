package io.calplanebot.app.config;

import java.time.Duration;

/**
 * The periodic full sync.
 *
 * @param enabled     false turns off only the periodic sync; webhooks and the manual trigger still work
 * @param forceDelete let every sync pass the mass-deletion guard
 */
public record SyncConfig(Duration interval, boolean enabled, boolean forceDelete) {
}
