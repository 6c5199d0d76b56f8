package io.calplanebot.core.domain.webhook;

/** What a verified webhook delivery says happened. */
public sealed interface WebhookNotification permits IssueChanged, IssueDeleted, ProjectChanged, IgnoredEvent {

    /** The event name as the tracker sent it, e.g. {@code issue}, {@code project}, {@code cycle}. */
    String event();

    /** The action as the tracker sent it, e.g. {@code created}, {@code updated}, {@code deleted}. */
    String action();
}
