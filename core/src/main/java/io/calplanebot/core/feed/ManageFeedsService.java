package io.calplanebot.core.feed;

import io.calplanebot.core.domain.feed.FeedFilter;
import io.calplanebot.core.domain.feed.FeedName;
import io.calplanebot.core.domain.feed.FeedRecord;
import io.calplanebot.core.domain.feed.TokenHash;
import io.calplanebot.core.port.in.FeedNameTakenException;
import io.calplanebot.core.port.in.ManageFeedsUseCase;
import io.calplanebot.core.port.in.NewFeed;
import io.calplanebot.core.port.in.UnknownFeedException;
import io.calplanebot.core.port.out.FeedTokens;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Makes feeds with fresh tokens (256 random bits, URL-safe base64), lists and revokes them. */
public final class ManageFeedsService implements ManageFeedsUseCase {
    /** 32 bytes: twice the 128 bits a feed token needs at least. */
    static final int TOKEN_BYTES = 32;

    private final FeedTokens tokens;
    private final SecureRandom random;
    private final Clock clock;

    public ManageFeedsService(FeedTokens tokens, SecureRandom random, Clock clock) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.random = Objects.requireNonNull(random, "random");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public NewFeed add(FeedName name, FeedFilter filter) {
        byte[] secret = new byte[TOKEN_BYTES];
        random.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        FeedRecord feed = new FeedRecord(name, filter, TokenHash.of(token), clock.instant(), Optional.empty());
        if (!tokens.add(feed)) {
            throw new FeedNameTakenException(name);
        }
        return new NewFeed(feed, token);
    }

    @Override
    public List<FeedRecord> list() {
        return tokens.list();
    }

    @Override
    public void revoke(FeedName name) {
        if (!tokens.revoke(name)) {
            throw new UnknownFeedException(name);
        }
    }
}
