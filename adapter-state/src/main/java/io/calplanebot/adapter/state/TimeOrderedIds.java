package io.calplanebot.adapter.state;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ids for webhook deliveries in the UUID version 7 layout: the time in milliseconds first, then 74 random bits. A new
 * delivery's id sorts after the earlier ones, so the primary key's index grows at its end, where one page takes a
 * whole group of deliveries, instead of at a random place per delivery.
 */
final class TimeOrderedIds {
    private TimeOrderedIds() {
    }

    static String next() {
        return next(System.currentTimeMillis());
    }

    static String next(long epochMillis) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (epochMillis << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low).toString();
    }
}
