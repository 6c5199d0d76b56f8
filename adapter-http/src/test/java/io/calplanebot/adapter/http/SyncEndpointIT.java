package io.calplanebot.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.calplanebot.core.port.in.RunSyncCommand;
import io.calplanebot.core.port.in.SyncInProgressException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SyncEndpointIT extends SharedServer {
    private static final String TOKEN = "t0ken-for-tests-0123456789";

    @Test
    void trigger_startsAFullSyncOfEverything_andAnswersTheTicket() {
        Answer answer = t.post("/webhooks/sync", new byte[0]);

        assertThat(answer.status()).isEqualTo(200);
        JsonNode json = answer.json();
        assertThat(json.path("status").asText()).isEqualTo("triggered");
        assertThat(json.path("message").asText()).isEqualTo("Manual sync initiated");
        assertThat(json.path("sync_id").asText()).isEqualTo("sync-1");
        assertThat(json.path("timestamp").asText()).isEqualTo("2025-12-27T10:30:00Z");
        assertThat(json.size()).isEqualTo(4);
        assertThat(t.sync.triggered).containsExactly(RunSyncCommand.everything());
    }

    @Test
    void trigger_ignoresABody_likeTheSpecsCurlExample() {
        Answer answer = t.postJson("/webhooks/sync", "{\"anything\":true}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(t.sync.triggered).containsExactly(RunSyncCommand.everything());
    }

    @Test
    void trigger_whileASyncRuns_answers409SyncInProgress() {
        t.sync.failure = new SyncInProgressException("sync-running-9");

        JsonNode json = ErrorModel.assertError(t.post("/webhooks/sync", new byte[0]), 409, "SYNC_IN_PROGRESS");

        assertThat(json.path("details").path("sync_id").asText()).isEqualTo("sync-running-9");
    }

    @Test
    void withToken_missingAuthorization_answers401_withChallenge_andDoesNotSync() {
        t.api.update(TestApi.ROOMY.withApiToken(TOKEN));

        Answer answer = t.post("/webhooks/sync", new byte[0]);

        ErrorModel.assertError(answer, 401, "UNAUTHORIZED");
        assertThat(answer.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(t.sync.triggered).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer wrong", "Bearer " + TOKEN + "x", "Bearer", "Basic dXNlcjpwYXNz", TOKEN,
            "Bearer  ", "Token " + TOKEN})
    void withToken_wrongAuthorization_answers401_andNeverEchoesTheToken(String authorization) {
        t.api.update(TestApi.ROOMY.withApiToken(TOKEN));

        Answer answer = t.post("/webhooks/sync", new byte[0], "Authorization", authorization);

        ErrorModel.assertError(answer, 401, "UNAUTHORIZED");
        assertThat(answer.body()).doesNotContain(TOKEN);
        assertThat(t.sync.triggered).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer " + TOKEN, "bearer " + TOKEN, "BEARER " + TOKEN})
    void withToken_rightBearer_syncs(String authorization) {
        t.api.update(TestApi.ROOMY.withApiToken(TOKEN));

        Answer answer = t.post("/webhooks/sync", new byte[0], "Authorization", authorization);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(t.sync.triggered).hasSize(1);
    }

    @Test
    void tokenChangedAtRuntime_oldTokenIsRefused_newTokenWorks_removingItOpensTheEndpoint() {
        t.api.update(TestApi.ROOMY.withApiToken(TOKEN));
        assertThat(t.post("/webhooks/sync", new byte[0], "Authorization", "Bearer " + TOKEN).status()).isEqualTo(200);

        t.api.update(TestApi.ROOMY.withApiToken("rotated-token"));
        assertThat(t.post("/webhooks/sync", new byte[0], "Authorization", "Bearer " + TOKEN).status()).isEqualTo(401);
        assertThat(t.post("/webhooks/sync", new byte[0], "Authorization", "Bearer rotated-token").status()).isEqualTo(200);

        t.api.update(TestApi.ROOMY.withApiToken(null));
        assertThat(t.post("/webhooks/sync", new byte[0]).status()).isEqualTo(200);
    }

    @Test
    void token_protectsOnlyTheSyncTrigger() {
        t.api.update(TestApi.ROOMY.withApiToken(TOKEN));

        assertThat(t.get("/webhooks/status").status()).isEqualTo(200);
        assertThat(t.get("/health").status()).isEqualTo(200);
        assertThat(t.postJson("/webhooks/plane", WebhookEndpointIT.SPEC_PAYLOAD).status()).isEqualTo(200);
    }

    @Test
    void settingsToString_neverShowsTheToken() {
        assertThat(TestApi.ROOMY.withApiToken(TOKEN).toString()).doesNotContain(TOKEN).contains("<set>");
    }
}
