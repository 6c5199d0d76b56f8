package io.calplanebot.adapter.http.dto;

import io.calplanebot.core.port.in.WebhookReceipt;
import io.calplanebot.core.port.in.WebhookReceipt.Disposition;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookAnswerTest {

    @Test
    void ignoredEventName_isEchoedOnlyAsPlainShortText() {
        WebhookAnswer answer = WebhookAnswer.from(new WebhookReceipt(Disposition.IGNORED,
                "<script>alert(1)</script>" + "x".repeat(100), "created", Optional.empty()));

        assertThat(answer.status()).isEqualTo("ignored");
        assertThat(answer.message()).doesNotContain("<").doesNotContain(">").hasSizeLessThan(100);
    }

    @Test
    void acceptedIssue_isProcessed_withTheSpecsMessage() {
        WebhookAnswer answer = WebhookAnswer.from(new WebhookReceipt(Disposition.ACCEPTED, "issue", "deleted",
                Optional.of("i-1")));

        assertThat(answer).isEqualTo(new WebhookAnswer("processed", "Issue sync triggered", "i-1", "deleted"));
    }

    @Test
    void outdatedIssueChange_isAnsweredAsAnyAcceptedOne() {
        WebhookAnswer answer = WebhookAnswer.from(new WebhookReceipt(Disposition.OUTDATED, "issue", "updated",
                Optional.of("i-1")));

        assertThat(answer).isEqualTo(new WebhookAnswer("processed", "Issue sync triggered", "i-1", "updated"));
    }
}
