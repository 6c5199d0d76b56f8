package io.calplanebot.adapter.plane;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.calplanebot.adapter.plane.webhook.IssueBody;
import io.calplanebot.adapter.plane.webhook.SignatureVerifier;
import io.calplanebot.adapter.plane.webhook.WebhookAction;
import io.calplanebot.adapter.plane.webhook.WebhookFields;
import io.calplanebot.core.domain.webhook.ChangeAction;
import io.calplanebot.core.domain.webhook.IgnoredEvent;
import io.calplanebot.core.domain.webhook.IssueChanged;
import io.calplanebot.core.domain.webhook.IssueDeleted;
import io.calplanebot.core.domain.webhook.IssueSnapshot;
import io.calplanebot.core.domain.webhook.ProjectChanged;
import io.calplanebot.core.domain.webhook.RawWebhook;
import io.calplanebot.core.domain.webhook.WebhookNotification;
import io.calplanebot.core.domain.webhook.WebhookRejectedException;
import io.calplanebot.core.domain.webhook.WebhookRejectedException.Reason;
import io.calplanebot.core.port.out.IssueWebhookDecoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/**
 * Verifies and decodes Plane webhook deliveries.
 *
 * <p>Signature: when a secret is configured, {@code X-Plane-Signature} must hold the HMAC-SHA256 of the raw body
 * (bare hex as Plane sends it, or {@code sha256=<hex>}); without a secret nothing is checked.
 *
 * <p>Two body shapes are accepted: Plane's envelope ({@code event}, {@code action}, {@code webhook_id},
 * {@code workspace_id}, {@code data} with {@code project} as an id, {@code activity}) and the spec's payload
 * ({@code action}, {@code data} with {@code state} and {@code project} objects, {@code actor}, {@code created_at},
 * {@code workspace}; no {@code event}, so it is an issue event). Every failure is a {@link WebhookRejectedException}.
 *
 * <p>A signed issue delivery ({@code created} or {@code updated}) whose {@code data} is complete carries the issue
 * itself ({@link IssueChanged#reported()}), so it can be applied without asking Plane; see {@link IssueBody}. Without
 * a secret nothing proves the body came from Plane, and it stays a hint.
 */
public final class PlaneWebhookDecoder implements IssueWebhookDecoder {
    private static final Logger LOG = LoggerFactory.getLogger(PlaneWebhookDecoder.class);
    private static final String UNREADABLE = "The webhook delivery could not be read";
    private static final int MAX_NESTING = 64;

    private final Optional<SignatureVerifier> verifier;
    private final ObjectMapper json;

    private PlaneWebhookDecoder(Optional<String> secret) {
        this.verifier = secret.filter(s -> !s.isBlank()).map(SignatureVerifier::new);
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build())
                .build();
        this.json = new ObjectMapper(factory).configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true);
    }

    /** A decoder that requires every delivery to be signed with {@code secret}. */
    public static PlaneWebhookDecoder withSecret(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("webhook secret must not be blank; use withoutSecret() instead");
        }
        return new PlaneWebhookDecoder(Optional.of(secret));
    }

    /** A decoder that checks no signature (a warning belongs in the log of whoever configures this). */
    public static PlaneWebhookDecoder withoutSecret() {
        return new PlaneWebhookDecoder(Optional.empty());
    }

    /** {@link #withSecret} when a secret is given, else {@link #withoutSecret}. */
    public static PlaneWebhookDecoder of(Optional<String> secret) {
        return secret.filter(s -> !s.isBlank()).map(PlaneWebhookDecoder::withSecret).orElseGet(
                PlaneWebhookDecoder::withoutSecret);
    }

    public boolean verifiesSignatures() {
        return verifier.isPresent();
    }

    @Override
    public WebhookNotification decode(RawWebhook webhook) {
        try {
            byte[] body = webhook.body();
            verifier.ifPresent(v -> v.verify(webhook.header(SignatureVerifier.HEADER), body));
            return decodeBody(parse(body));
        } catch (WebhookRejectedException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            LOG.warn("Unexpected failure while decoding a webhook delivery: {}", e.getClass().getName());
            throw new WebhookRejectedException(Reason.MALFORMED_JSON, UNREADABLE);
        }
    }

    private JsonNode parse(byte[] body) {
        JsonNode root;
        try {
            root = json.readTree(utf8(body));
        } catch (IOException e) {
            throw new WebhookRejectedException(Reason.MALFORMED_JSON, "The body is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw new WebhookRejectedException(Reason.MALFORMED_JSON, "The body must be a JSON object");
        }
        return root;
    }

    /**
     * The body as UTF-8 text (RFC 8259: JSON exchanged between systems is UTF-8). Decoding is strict, so UTF-16 or
     * UTF-32 (with a byte order mark or without: their zero bytes are refused by the JSON parser) is never guessed
     * from the bytes as Jackson would; a UTF-8 byte order mark may be ignored, as RFC 8259 allows.
     */
    private static String utf8(byte[] body) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new WebhookRejectedException(Reason.MALFORMED_JSON, "The body is not UTF-8 JSON");
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private WebhookNotification decodeBody(JsonNode root) {
        JsonNode eventNode = root.get("event");
        String event;
        if (eventNode == null || eventNode.isNull()) {
            event = "issue";
        } else if (eventNode.isTextual() && !eventNode.asText().isBlank()) {
            event = eventNode.asText().strip();
        } else {
            throw WebhookFields.invalidField("event", "must be a non-empty string");
        }
        String actionText = WebhookFields.requiredText(root, "action", "action");
        WebhookFields.dateTime(root, "created_at", "created_at");
        if (!event.equals("issue") && !event.equals("project")) {
            return new IgnoredEvent(event, actionText);
        }
        ChangeAction action = WebhookAction.parse(actionText).orElseThrow(() -> WebhookFields.invalidField("action",
                "must be one of created, updated, deleted (or create, update, delete)"));
        JsonNode data = WebhookFields.requiredObject(root, "data", "data");
        String id = WebhookFields.requiredId(data, "id", "data.id");
        if (event.equals("project")) {
            return new ProjectChanged(action, id);
        }
        Optional<String> project = WebhookFields.reference(data, "project", "data.project");
        if (action == ChangeAction.DELETED) {
            return new IssueDeleted(id, project);
        }
        WebhookFields.checkDate(data, "target_date", "data.target_date");
        WebhookFields.checkDate(data, "start_date", "data.start_date");
        WebhookFields.dateTime(data, "created_at", "data.created_at");
        Optional<Instant> updatedAt = WebhookFields.dateTime(data, "updated_at", "data.updated_at");
        String projectId = project.orElseThrow(() -> WebhookRejectedException.missingField("data.project"));
        Optional<IssueSnapshot> snapshot = verifier.isPresent() && updatedAt.isPresent()
                ? IssueBody.snapshot(data, projectId) : Optional.empty();
        return new IssueChanged(action, id, projectId, updatedAt, snapshot);
    }

    @Override
    public String toString() {
        return "PlaneWebhookDecoder[signature " + (verifier.isPresent() ? "required" : "not checked") + "]";
    }
}
