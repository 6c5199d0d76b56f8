package io.calplanebot.sample;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** An issue (work item) of the fake workspace; mutable, guarded by the world's lock. */
final class FakeIssue {
    final String id;
    final String projectId;
    final int sequenceId;
    final Instant createdAt;
    final String createdBy;
    String name;
    String descriptionHtml = "<p></p>";
    String stateId;
    String priority = "none";
    LocalDate startDate;
    LocalDate targetDate;
    final List<String> labelIds = new ArrayList<>();
    final List<String> assigneeIds = new ArrayList<>();
    Instant updatedAt;
    String updatedBy;
    Instant completedAt;
    LocalDate archivedAt;
    boolean draft;
    boolean deleted;
    double sortOrder;

    FakeIssue(String id, String projectId, int sequenceId, Instant createdAt, String createdBy) {
        this.id = id;
        this.projectId = projectId;
        this.sequenceId = sequenceId;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
        this.updatedAt = createdAt;
    }
}
