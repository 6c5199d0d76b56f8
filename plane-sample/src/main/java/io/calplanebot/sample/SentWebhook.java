package io.calplanebot.sample;

import java.util.Map;

/**
 * A delivery that was posted and what came back.
 *
 * @param status       the receiver's HTTP status
 * @param responseBody the receiver's answer
 * @param headers      the headers that were sent
 * @param body         the body bytes that were sent (and signed)
 */
public record SentWebhook(int status, String responseBody, Map<String, String> headers, byte[] body) {
}
