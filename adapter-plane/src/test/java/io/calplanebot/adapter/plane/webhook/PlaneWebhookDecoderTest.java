package io.calplanebot.adapter.plane.webhook;

import io.calplanebot.adapter.plane.PlaneWebhookDecoder;
import io.calplanebot.sample.PlaneWebhookSender;
import io.calplanebot.sample.WebhookDelivery;
import io.calplanebot.core.domain.Issue;
import io.calplanebot.core.domain.Priority;
import io.calplanebot.core.domain.Project;
import io.calplanebot.core.domain.StateGroup;
import io.calplanebot.core.domain.webhook.ChangeAction;
import io.calplanebot.core.domain.webhook.IgnoredEvent;
import io.calplanebot.core.domain.webhook.IssueChanged;
import io.calplanebot.core.domain.webhook.IssueDeleted;
import io.calplanebot.core.domain.webhook.ProjectChanged;
import io.calplanebot.core.domain.webhook.RawWebhook;
import io.calplanebot.core.domain.webhook.WebhookNotification;
import io.calplanebot.core.domain.webhook.WebhookRejectedException;
import io.calplanebot.core.domain.webhook.WebhookRejectedException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static io.calplanebot.adapter.plane.webhook.WebhookFixtures.ISSUE_ID;
import static io.calplanebot.adapter.plane.webhook.WebhookFixtures.PROJECT_ID;
import static io.calplanebot.adapter.plane.webhook.WebhookFixtures.SECRET;
import static io.calplanebot.adapter.plane.webhook.WebhookFixtures.signed;
import static io.calplanebot.adapter.plane.webhook.WebhookFixtures.withSignature;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlaneWebhookDecoderTest {
    private final PlaneWebhookDecoder decoder = PlaneWebhookDecoder.withSecret(SECRET);
    private final PlaneWebhookDecoder unsigned = PlaneWebhookDecoder.withoutSecret();

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static WebhookRejectedException rejection(PlaneWebhookDecoder decoder, RawWebhook webhook) {
        try {
            decoder.decode(webhook);
        } catch (WebhookRejectedException e) {
            return e;
        }
        throw new AssertionError("the delivery was accepted");
    }

    private void assertRejected(WebhookDelivery delivery, Reason reason, String field) {
        WebhookRejectedException e = rejection(decoder, signed(delivery));
        assertThat(e.reason()).isEqualTo(reason);
        assertThat(e.field()).contains(field);
        assertThat(e.getMessage()).contains(field).doesNotContain(SECRET);
    }

    // ---- Plane's real envelope ----------------------------------------------------------------------------------

    @Test
    void issueCreated_planeEnvelope_becomesIssueChanged() {
        WebhookNotification notification = decoder.decode(signed(WebhookFixtures.issueCreated()));

        assertThat(notification).isInstanceOf(IssueChanged.class);
        IssueChanged changed = (IssueChanged) notification;
        assertThat(changed.change()).isEqualTo(ChangeAction.CREATED);
        assertThat(changed.issueId()).isEqualTo(ISSUE_ID);
        assertThat(changed.projectId()).isEqualTo(PROJECT_ID);
        assertThat(changed.updatedAt()).contains(Instant.parse("2026-05-18T09:41:07.118406Z"));
        assertThat(notification.event()).isEqualTo("issue");
        assertThat(notification.action()).isEqualTo("created");
    }

    @Test
    void issueUpdated_planeEnvelope_carriesTheNewUpdatedAt() {
        IssueChanged changed = (IssueChanged) decoder.decode(signed(WebhookFixtures.issueUpdated()));

        assertThat(changed.change()).isEqualTo(ChangeAction.UPDATED);
        assertThat(changed.updatedAt()).contains(Instant.parse("2026-05-18T14:02:51.660273Z"));
    }

    // ---- the body as the issue itself ----------------------------------------------------------------------------

    private static final Project MOBILE = new Project(PROJECT_ID, "MOB", "Mobile");

    @Test
    void aSignedCompleteBody_carriesTheIssueItself_inTheProjectAsKnown() {
        IssueChanged changed = (IssueChanged) decoder.decode(signed(WebhookFixtures.issueUpdated()));

        assertThat(changed.reported()).isPresent();
        Issue issue = changed.reported().get().in(MOBILE).orElseThrow();
        assertThat(issue.id()).isEqualTo(ISSUE_ID);
        assertThat(issue.key()).isEqualTo("MOB-14");
        assertThat(issue.name()).isEqualTo("App crashes on launch when locale is ar-EG 🌙");
        assertThat(issue.description()).contains("java.lang.IllegalArgumentException");
        assertThat(issue.state().name()).isEqualTo("Todo");
        assertThat(issue.state().group()).isEqualTo(StateGroup.UNSTARTED);
        assertThat(issue.priority()).isEqualTo(Priority.HIGH);
        assertThat(issue.labels()).containsExactly("bug");
        assertThat(issue.assigneeNames()).containsExactly("ava");
        assertThat(issue.targetDate()).contains(LocalDate.of(2026, 5, 29));
        assertThat(issue.startDate()).isEmpty();
        assertThat(issue.updatedAt()).contains(Instant.parse("2026-05-18T14:02:51.660273Z"));
        assertThat(changed.reported().get().updatedAt()).isEqualTo(issue.updatedAt().orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"archived_at", "deleted_at", "is_draft"})
    void aSignedBodyOfAnArchivedDeletedOrDraftIssue_saysThereIsNoEvent(String field) {
        Object value = field.equals("is_draft") ? Boolean.TRUE
                : field.equals("archived_at") ? "2026-05-19" : "2026-05-19T08:00:00Z";
        IssueChanged changed = (IssueChanged) decoder.decode(signed(WebhookFixtures.issueUpdated()
                .withData(field, value)));

        assertThat(changed.reported()).isPresent();
        assertThat(changed.reported().get().mirrored()).isFalse();
        assertThat(changed.reported().get().in(MOBILE)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"name", "state", "sequence_id", "labels", "assignees", "priority", "target_date",
            "start_date", "updated_at", "description_html"})
    void aBodyWithoutAFieldTheMappingReads_isOnlyAHint(String field) {
        Map<String, Object> data = WebhookFixtures.issueData();
        data.remove(field);
        IssueChanged changed = (IssueChanged) decoder.decode(signed(WebhookDelivery.plane("issue", "updated",
                WebhookFixtures.WEBHOOK_ID, WebhookFixtures.WORKSPACE_ID, data,
                WebhookFixtures.activity("name", "a", "b"))));

        assertThat(changed.reported()).isEmpty();
    }

    @Test
    void aBodyWithLabelIdsInsteadOfLabels_orAStateId_isOnlyAHint() {
        IssueChanged ids = (IssueChanged) decoder.decode(signed(WebhookFixtures.issueUpdated()
                .withData("labels", java.util.List.of("deb0d161-39d9-4080-8ff2-d8f20910ddd2"))));
        IssueChanged state = (IssueChanged) decoder.decode(signed(WebhookFixtures.issueUpdated()
                .withData("state", "e9baeced-5176-476b-a245-6486491912a7")));

        assertThat(ids.reported()).isEmpty();
        assertThat(state.reported()).isEmpty();
    }

    @Test
    void withoutASecret_aCompleteBody_isOnlyAHint() {
        IssueChanged changed = (IssueChanged) unsigned.decode(new RawWebhook(Map.of(),
                WebhookFixtures.issueUpdated().body()));

        assertThat(changed.reported()).isEmpty();
        assertThat(changed.updatedAt()).contains(Instant.parse("2026-05-18T14:02:51.660273Z"));
    }

    @Test
    void theSpecsPayload_isOnlyAHint() {
        WebhookNotification notification = decoder.decode(signed(WebhookFixtures.spec("updated")));

        assertThat(((IssueChanged) notification).reported()).isEmpty();
    }

    @Test
    void issueDeleted_withOnlyTheId_becomesIssueDeletedWithoutProject() {
        assertThat(decoder.decode(signed(WebhookFixtures.issueDeleted())))
                .isEqualTo(new IssueDeleted("414705fa-4989-4bd2-a5f5-4526a4006cb0", Optional.empty()));
    }

    @Test
    void projectEvents_becomeProjectChanged() {
        assertThat(decoder.decode(signed(WebhookFixtures.project("created"))))
                .isEqualTo(new ProjectChanged(ChangeAction.CREATED, PROJECT_ID));
        assertThat(decoder.decode(signed(WebhookFixtures.project("updated"))))
                .isEqualTo(new ProjectChanged(ChangeAction.UPDATED, PROJECT_ID));
        WebhookDelivery deleted = WebhookDelivery.plane("project", "deleted", WebhookFixtures.WEBHOOK_ID,
                WebhookFixtures.WORKSPACE_ID, Map.of("id", PROJECT_ID), WebhookFixtures.activity(null, null, null));
        assertThat(decoder.decode(signed(deleted))).isEqualTo(new ProjectChanged(ChangeAction.DELETED, PROJECT_ID));
    }

    @ParameterizedTest
    @ValueSource(strings = {"cycle", "module", "issue_comment", "intake_issue", "something_new"})
    void otherEvents_areIgnored(String event) {
        assertThat(decoder.decode(signed(WebhookFixtures.other(event)))).isEqualTo(new IgnoredEvent(event, "created"));
    }

    @Test
    void anIgnoredEventsHugeName_isCutTo64Characters_soAnswersAndLogsStaySmall() {
        String huge = "x".repeat(70_000);

        IgnoredEvent ignored = (IgnoredEvent) decoder.decode(signed(WebhookFixtures.other("cycle" + huge)));

        assertThat(ignored.event()).hasSize(IgnoredEvent.MAX_NAME).startsWith("cyclexxx").endsWith("\u2026");
        assertThat(ignored.action()).isEqualTo("created");
        assertThat(new IgnoredEvent("cycle", "\uD83D\uDE00".repeat(40)).action())
                .as("a character outside the BMP is never cut in half").hasSize(63).endsWith("\u2026");
    }

    @Test
    void unknownFields_areIgnored_andTimestampsMayCarryAnyOffset() {
        WebhookDelivery delivery = WebhookFixtures.issueCreated().with("future_field", Map.of("x", 1))
                .withData("updated_at", "2026-05-18T15:11:07+05:30");

        assertThat(((IssueChanged) decoder.decode(signed(delivery))).updatedAt())
                .contains(Instant.parse("2026-05-18T09:41:07Z"));
    }

    // ---- the spec's payload -------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"created", "updated", "create", "update", "UPDATED"})
    void specPayload_createdOrUpdated_becomesIssueChanged_fromTheProjectObject(String action) {
        IssueChanged changed = (IssueChanged) decoder.decode(signed(WebhookFixtures.spec(action)));

        assertThat(changed.issueId()).isEqualTo(ISSUE_ID);
        assertThat(changed.projectId()).isEqualTo(PROJECT_ID);
        assertThat(changed.change()).isEqualTo(action.toLowerCase(Locale.ROOT).startsWith("create")
                ? ChangeAction.CREATED : ChangeAction.UPDATED);
        assertThat(changed.updatedAt()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"deleted", "delete"})
    void specPayload_deleted_becomesIssueDeletedWithItsProject(String action) {
        assertThat(decoder.decode(signed(WebhookFixtures.spec(action))))
                .isEqualTo(new IssueDeleted(ISSUE_ID, Optional.of(PROJECT_ID)));
    }

    // ---- signatures ---------------------------------------------------------------------------------------------

    @Test
    void signature_bareHex_prefixed_andUpperCase_areAccepted() {
        byte[] body = WebhookFixtures.issueCreated().body();
        String hex = PlaneWebhookSender.sign(body, SECRET);

        for (String header : new String[] {hex, "sha256=" + hex, hex.toUpperCase(Locale.ROOT),
                "SHA256=" + hex.toUpperCase(Locale.ROOT), " " + hex + " "}) {
            assertThat(decoder.decode(withSignature(body, header))).isInstanceOf(IssueChanged.class);
        }
    }

    @Test
    void signature_missing_isRejected() {
        WebhookRejectedException e = rejection(decoder, withSignature(WebhookFixtures.issueCreated().body(), null));

        assertThat(e.reason()).isEqualTo(Reason.INVALID_SIGNATURE);
        assertThat(e.getMessage()).contains("Missing");
    }

    @Test
    void signature_wrongSecretTamperedBodyOrMalformed_isRejected() {
        byte[] body = WebhookFixtures.issueCreated().body();
        String right = PlaneWebhookSender.sign(body, SECRET);
        byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("2026-05-22", "2026-05-23")
                .getBytes(StandardCharsets.UTF_8);

        for (RawWebhook webhook : new RawWebhook[] {
                withSignature(body, PlaneWebhookSender.sign(body, "plane_wh_other")),
                withSignature(tampered, right),
                withSignature(body, right.substring(1)),
                withSignature(body, "sha256=" + right.replace(right.charAt(0), 'g')),
                withSignature(body, "sha1=" + right),
                withSignature(body, "")}) {
            WebhookRejectedException e = rejection(decoder, webhook);
            assertThat(e.reason()).isEqualTo(Reason.INVALID_SIGNATURE);
            assertThat(e.getMessage()).doesNotContain(SECRET);
        }
    }

    @Test
    void signature_overReserializedJson_neverMatches_soTheRawBytesAreWhatIsSigned() {
        byte[] body = WebhookFixtures.issueCreated().body();
        String compact = new String(body, StandardCharsets.UTF_8).replace(", ", ",").replace(": ", ":");

        RawWebhook webhook = withSignature(compact.getBytes(StandardCharsets.UTF_8),
                PlaneWebhookSender.sign(body, SECRET));

        assertThat(rejection(decoder, webhook).reason()).isEqualTo(Reason.INVALID_SIGNATURE);
    }

    @Test
    void noSecretConfigured_signatureIsNotChecked() {
        byte[] body = WebhookFixtures.issueCreated().body();

        assertThat(unsigned.decode(withSignature(body, null))).isInstanceOf(IssueChanged.class);
        assertThat(unsigned.decode(withSignature(body, "sha256=garbage"))).isInstanceOf(IssueChanged.class);
        assertThat(unsigned.verifiesSignatures()).isFalse();
        assertThat(decoder.verifiesSignatures()).isTrue();
        assertThat(decoder.toString()).doesNotContain(SECRET);
    }

    // ---- rejections ---------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "not json", "{\"action\": ", "[1, 2]", "\"text\"", "42", "null",
            "{\"action\": \"created\"} trailing", "{'action': 'created'}"})
    void bodiesThatAreNotAJsonObject_areMalformedJson(String body) {
        WebhookRejectedException e = rejection(unsigned, withSignature(bytes(body), null));

        assertThat(e.reason()).isEqualTo(Reason.MALFORMED_JSON);
    }

    @Test
    void invalidUtf8_isMalformedJson() {
        byte[] body = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};

        assertThat(rejection(unsigned, withSignature(body, null)).reason()).isEqualTo(Reason.MALFORMED_JSON);
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTF-16BE", "UTF-16LE", "UTF-16", "UTF-32BE", "UTF-32LE", "BOM:UTF-16LE", "BOM:UTF-32BE",
            "BOM:UTF-32LE"})
    void bodiesInUtf16OrUtf32_withOrWithoutAByteOrderMark_areMalformedJson(String encoding) {
        String json = new String(WebhookFixtures.issueCreated().body(), StandardCharsets.UTF_8);
        boolean bom = encoding.startsWith("BOM:");
        java.nio.charset.Charset charset = java.nio.charset.Charset.forName(encoding.replace("BOM:", ""));
        byte[] body = ((bom ? "\uFEFF" : "") + json).getBytes(charset);

        assertThat(rejection(unsigned, withSignature(body, null)).reason()).isEqualTo(Reason.MALFORMED_JSON);
        assertThat(rejection(decoder, withSignature(body, PlaneWebhookSender.sign(body, SECRET))).reason())
                .isEqualTo(Reason.MALFORMED_JSON);
    }

    @Test
    void aUtf8ByteOrderMark_isIgnored() {
        byte[] json = WebhookFixtures.issueCreated().body();
        byte[] body = new byte[json.length + 3];
        body[0] = (byte) 0xEF;
        body[1] = (byte) 0xBB;
        body[2] = (byte) 0xBF;
        System.arraycopy(json, 0, body, 3, json.length);

        assertThat(unsigned.decode(withSignature(body, null))).isInstanceOf(IssueChanged.class);
    }

    @Test
    void missingFields_areNamedByPath() {
        assertRejected(WebhookFixtures.issueCreated().with("action", null), Reason.MISSING_FIELD, "action");
        assertRejected(WebhookFixtures.issueCreated().with("data", null), Reason.MISSING_FIELD, "data");
        assertRejected(WebhookFixtures.issueCreated().withoutData("id"), Reason.MISSING_FIELD, "data.id");
        assertRejected(WebhookFixtures.issueCreated().withData("id", ""), Reason.MISSING_FIELD, "data.id");
        assertRejected(WebhookFixtures.issueCreated().withoutData("project"), Reason.MISSING_FIELD, "data.project");
        assertRejected(WebhookFixtures.issueCreated().withData("project", null), Reason.MISSING_FIELD,
                "data.project");
        assertRejected(WebhookFixtures.spec("updated").withData("project", Map.of("name", "x")),
                Reason.MISSING_FIELD, "data.project.id");
        assertRejected(WebhookFixtures.project("updated").withoutData("id"), Reason.MISSING_FIELD, "data.id");
    }

    @Test
    void invalidDates_areNamedByPath() {
        assertRejected(WebhookFixtures.issueCreated().withData("target_date", "27/12/2025"), Reason.INVALID_DATE,
                "data.target_date");
        assertRejected(WebhookFixtures.issueCreated().withData("target_date", "2025-02-30"), Reason.INVALID_DATE,
                "data.target_date");
        assertRejected(WebhookFixtures.issueCreated().withData("target_date", 20251227), Reason.INVALID_DATE,
                "data.target_date");
        assertRejected(WebhookFixtures.issueCreated().withData("target_date", "2025-12-27T00:00:00Z"),
                Reason.INVALID_DATE, "data.target_date");
        assertRejected(WebhookFixtures.spec("created").withData("start_date", "soon"), Reason.INVALID_DATE,
                "data.start_date");
        assertRejected(WebhookFixtures.issueCreated().withData("updated_at", "yesterday"), Reason.INVALID_DATE,
                "data.updated_at");
        assertRejected(WebhookFixtures.issueCreated().withData("created_at", "2026-13-01T00:00:00Z"),
                Reason.INVALID_DATE, "data.created_at");
        assertRejected(WebhookFixtures.spec("created").with("created_at", "27 Dec 2025"), Reason.INVALID_DATE,
                "created_at");
    }

    @Test
    void nullDates_areFine() {
        WebhookDelivery delivery = WebhookFixtures.issueUpdated().withData("target_date", null)
                .withData("start_date", null).withData("updated_at", null);

        assertThat(((IssueChanged) decoder.decode(signed(delivery))).updatedAt()).isEmpty();
    }

    @Test
    void wrongTypesAndUnknownActions_areInvalidFields() {
        assertRejected(WebhookFixtures.issueCreated().with("action", "archived"), Reason.INVALID_FIELD, "action");
        assertRejected(WebhookFixtures.issueCreated().with("action", 3), Reason.INVALID_FIELD, "action");
        assertRejected(WebhookFixtures.issueCreated().with("event", 7), Reason.INVALID_FIELD, "event");
        assertRejected(WebhookFixtures.issueCreated().with("event", ""), Reason.INVALID_FIELD, "event");
        assertRejected(WebhookFixtures.issueCreated().with("data", "x"), Reason.INVALID_FIELD, "data");
        assertRejected(WebhookFixtures.issueCreated().withData("id", 14), Reason.INVALID_FIELD, "data.id");
        assertRejected(WebhookFixtures.issueCreated().withData("project", 5), Reason.INVALID_FIELD, "data.project");
        assertRejected(WebhookFixtures.spec("created").withData("project", Map.of("id", 5)), Reason.INVALID_FIELD,
                "data.project.id");
    }

    @ParameterizedTest
    @ValueSource(strings = {".", "..", "a/b", "%2e", "%2E%2E", "issue-uuid", "34e3cadf3bc24b1582243593f19e74bc",
            "34e3cadf-3bc2-4b15-8224-3593f19e74bc/", "34e3cadf-3bc2-4b15-8224-3593f19e74bc\n",
            " 34e3cadf-3bc2-4b15-8224-3593f19e74bc",
            "../../users/me"})
    void idsThatAreNotPlaneUuids_areInvalidFields_whereverTheDeliveryCarriesThem(String id) {
        assertRejected(WebhookFixtures.issueCreated().withData("id", id), Reason.INVALID_FIELD, "data.id");
        assertRejected(WebhookFixtures.issueDeleted().withData("id", id), Reason.INVALID_FIELD, "data.id");
        assertRejected(WebhookFixtures.issueCreated().withData("project", id), Reason.INVALID_FIELD, "data.project");
        assertRejected(WebhookFixtures.spec("updated").withData("id", id), Reason.INVALID_FIELD, "data.id");
        assertRejected(WebhookFixtures.spec("updated").withData("project", Map.of("id", id)), Reason.INVALID_FIELD,
                "data.project.id");
        assertRejected(WebhookFixtures.spec("deleted").withData("project", Map.of("id", id)), Reason.INVALID_FIELD,
                "data.project.id");
        assertRejected(WebhookFixtures.project("updated").withData("id", id), Reason.INVALID_FIELD, "data.id");
    }

    @Test
    void planeIds_inUpperCase_areAccepted() {
        String upper = ISSUE_ID.toUpperCase(Locale.ROOT);

        assertThat(((IssueChanged) decoder.decode(signed(WebhookFixtures.issueCreated().withData("id", upper))))
                .issueId()).isEqualTo(upper);
    }

    @Test
    void rejectionsNeverEchoTheSecretOrTheBody() {
        WebhookDelivery delivery = WebhookFixtures.issueCreated().withData("target_date", SECRET);

        WebhookRejectedException e = rejection(decoder, signed(delivery));

        assertThat(e.getMessage()).doesNotContain(SECRET).doesNotContain("Play Console");
    }
}
