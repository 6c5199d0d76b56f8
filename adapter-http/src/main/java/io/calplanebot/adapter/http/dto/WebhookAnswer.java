package io.calplanebot.adapter.http.dto;

import io.calplanebot.core.port.in.WebhookReceipt;

/** The answer to an accepted {@code POST /webhooks/plane}: status {@code processed} or {@code ignored}. */
public record WebhookAnswer(String status, String message, String issueId, String action) {

    public static WebhookAnswer from(WebhookReceipt receipt) {
        String issueId = receipt.issueId().orElse(null);
        switch (receipt.disposition()) {
            case ACCEPTED:
            case OUTDATED: // answered as any accepted change: Plane's own order of deliveries is not its concern
                return new WebhookAnswer("processed", acceptedMessage(receipt.event()), issueId, receipt.action());
            case DUPLICATE:
                return new WebhookAnswer("processed",
                        "Duplicate delivery: this exact webhook was already accepted, nothing more to do",
                        issueId, receipt.action());
            case IGNORED:
                return new WebhookAnswer("ignored",
                        "Event '" + printable(receipt.event()) + "' is not mirrored to calendars; ignored",
                        issueId, receipt.action());
            default:
                throw new AssertionError(receipt.disposition());
        }
    }

    private static String acceptedMessage(String event) {
        if ("issue".equals(event)) {
            return "Issue sync triggered";
        }
        if ("project".equals(event)) {
            return "Project sync triggered";
        }
        return "Change accepted";
    }

    /** The event name comes from the sender: keep it short and plain before echoing it. */
    private static String printable(String event) {
        String plain = event.replaceAll("[^A-Za-z0-9_.-]", "?");
        return plain.length() <= 40 ? plain : plain.substring(0, 40) + "…";
    }
}
