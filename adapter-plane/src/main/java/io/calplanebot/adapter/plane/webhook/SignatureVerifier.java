package io.calplanebot.adapter.plane.webhook;

import io.calplanebot.core.domain.webhook.WebhookRejectedException;
import io.calplanebot.core.domain.webhook.WebhookRejectedException.Reason;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks {@code X-Plane-Signature}: HMAC-SHA256 of the raw body bytes with the webhook secret, as bare hex (what
 * Plane sends) or {@code sha256=<hex>} (the spec's form), hex in either case, compared in constant time.
 */
public final class SignatureVerifier {
    public static final String HEADER = "X-Plane-Signature";
    private static final String PREFIX = "sha256=";
    private static final int HEX_LENGTH = 64;

    private final byte[] secret;

    /** @param secret the webhook secret, not blank */
    public SignatureVerifier(String secret) {
        if (secret.isBlank()) {
            throw new IllegalArgumentException("webhook secret must not be blank");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** @throws WebhookRejectedException INVALID_SIGNATURE when the header is missing, malformed or wrong */
    public void verify(Optional<String> header, byte[] body) {
        if (header.isEmpty() || header.get().isBlank()) {
            throw rejected("Missing " + HEADER + " header: this service has a webhook secret, so every delivery "
                    + "must be signed");
        }
        String value = header.get().strip();
        if (value.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            value = value.substring(PREFIX.length()).strip();
        }
        byte[] given = hex(value);
        if (given == null) {
            throw rejected("Malformed " + HEADER + " header: expected 64 hexadecimal characters, optionally after "
                    + "'sha256='");
        }
        if (!MessageDigest.isEqual(hmac(body), given)) {
            throw rejected("Invalid webhook signature: " + HEADER + " does not match the body and the configured "
                    + "webhook secret");
        }
    }

    /** The lower-case hex HMAC-SHA256 of {@code body}, as Plane computes it. */
    public String sign(byte[] body) {
        StringBuilder out = new StringBuilder(HEX_LENGTH);
        for (byte b : hmac(body)) {
            out.append(String.format(Locale.ROOT, "%02x", b));
        }
        return out.toString();
    }

    private byte[] hmac(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private static byte[] hex(String value) {
        if (value.length() != HEX_LENGTH) {
            return null;
        }
        byte[] out = new byte[HEX_LENGTH / 2];
        for (int i = 0; i < out.length; i++) {
            int high = Character.digit(value.charAt(2 * i), 16);
            int low = Character.digit(value.charAt(2 * i + 1), 16);
            if (high < 0 || low < 0) {
                return null;
            }
            out[i] = (byte) (high << 4 | low);
        }
        return out;
    }

    private static WebhookRejectedException rejected(String message) {
        return new WebhookRejectedException(Reason.INVALID_SIGNATURE, message, HEADER);
    }

    /** Never shows the secret. */
    @Override
    public String toString() {
        return "SignatureVerifier[secret=(set)]";
    }
}
