package io.calplanebot.core.sync;

import io.calplanebot.core.domain.CalendarEvent;
import io.calplanebot.core.domain.StoredEvent;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pure heart of the sync: from the issues that belong in a calendar and the events it holds, the writes that
 * make the calendar match. It reads no clock and touches no store.
 *
 * <ul>
 *   <li>Only owned events (UID {@code plane-issue-*@calplanebot}) are ever updated or deleted.</li>
 *   <li>Events are compared by managed content, so an unchanged issue plans nothing.</li>
 *   <li>An issue missing from the listing loses its event only when the listing was complete; an issue that is
 *       listed without a date loses it in any case.</li>
 *   <li>The {@link DeletionGuard} holds back deletions that would empty most of a calendar, unless forced.</li>
 * </ul>
 */
public final class SyncPlanner {
    /**
     * @param issues          the listed issues whose events belong in this calendar, already mapped
     * @param listingComplete whether {@code issues} is every such issue
     * @param current         the events the calendar holds now (foreign ones are ignored)
     * @param forceDelete     skip the deletion guard
     */
    public SyncPlan plan(Collection<DesiredEvent> issues, boolean listingComplete, Collection<StoredEvent> current,
                         boolean forceDelete) {
        Map<String, DesiredEvent> listed = new LinkedHashMap<>();
        Map<String, CalendarEvent> desired = new LinkedHashMap<>();
        for (DesiredEvent issue : issues) {
            listed.put(issue.uid(), issue);
            issue.event().ifPresent(e -> desired.put(issue.uid(), e));
        }

        List<SyncAction> writes = new ArrayList<>();
        List<DeleteEvent> deletes = new ArrayList<>();
        Map<String, StoredEvent> matched = new LinkedHashMap<>();
        int unchanged = 0;
        int kept = 0;
        int owned = 0;
        for (StoredEvent stored : current) {
            if (!stored.isOwned()) {
                continue;
            }
            owned++;
            String uid = stored.uid();
            if (matched.containsKey(uid)) {
                deletes.add(new DeleteEvent(stored, DeleteReason.DUPLICATE));
                continue;
            }
            matched.put(uid, stored);
            CalendarEvent wanted = desired.get(uid);
            if (wanted != null) {
                if (wanted.sameManagedContent(stored.event())) {
                    unchanged++;
                } else {
                    writes.add(new UpdateEvent(stored, wanted));
                }
            } else if (listed.containsKey(uid)) {
                deletes.add(new DeleteEvent(stored, DeleteReason.UNDATED));
            } else if (listingComplete) {
                deletes.add(new DeleteEvent(stored, DeleteReason.ISSUE_GONE));
            } else {
                kept++;
            }
        }
        List<SyncAction> creates = new ArrayList<>();
        desired.forEach((uid, event) -> {
            if (!matched.containsKey(uid)) {
                creates.add(new CreateEvent(event));
            }
        });

        List<SyncAction> actions = new ArrayList<>(creates);
        actions.addAll(writes);
        Optional<DeletionRefusal> refusal = Optional.empty();
        if (DeletionGuard.refuses(deletes.size(), owned, forceDelete)) {
            refusal = Optional.of(new DeletionRefusal(deletes.size(), owned));
        } else {
            actions.addAll(deletes);
        }
        return new SyncPlan(actions, unchanged, kept, refusal);
    }

    /**
     * Re-plans a single event after a conflict: what to do so that the event held now matches what is wanted.
     *
     * @param desired the event the issue should have, or empty when it should have none
     * @param current the event as just re-read, or empty when there is none
     * @return the one action needed, or empty when nothing is
     */
    public Optional<SyncAction> replan(Optional<CalendarEvent> desired, Optional<StoredEvent> current) {
        if (desired.isPresent()) {
            if (current.isEmpty()) {
                return Optional.of(new CreateEvent(desired.get()));
            }
            if (desired.get().sameManagedContent(current.get().event())) {
                return Optional.empty();
            }
            return Optional.of(new UpdateEvent(current.get(), desired.get()));
        }
        if (current.isPresent() && current.get().isOwned()) {
            return Optional.of(new DeleteEvent(current.get(), DeleteReason.ISSUE_GONE));
        }
        return Optional.empty();
    }
}
