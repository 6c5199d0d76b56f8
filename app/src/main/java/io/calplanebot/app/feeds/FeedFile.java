package io.calplanebot.app.feeds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calplanebot.core.domain.Priority;
import io.calplanebot.core.domain.StateGroup;
import io.calplanebot.core.domain.feed.CompletedMode;
import io.calplanebot.core.domain.feed.FeedFilter;
import io.calplanebot.core.domain.feed.FeedName;
import io.calplanebot.core.domain.feed.FeedRecord;
import io.calplanebot.core.domain.feed.TokenHash;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The JSON form of the feed definitions file ({@code feeds.json}): a version and one object per feed with its
 * name, the SHA-256 of its token, its filter, when it was made and last fetched. Never holds a token.
 */
final class FeedFile {
    static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private FeedFile() {
    }

    static byte[] write(List<FeedRecord> feeds) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", VERSION);
        ArrayNode all = root.putArray("feeds");
        for (FeedRecord feed : feeds) {
            ObjectNode node = all.addObject();
            node.put("name", feed.name().value());
            node.put("token_sha256", feed.tokenHash().hex());
            node.put("created", feed.created().toString());
            feed.lastAccess().ifPresent(last -> node.put("last_access", last.toString()));
            ObjectNode filter = node.putObject("filter");
            strings(filter.putArray("projects"), feed.filter().projects());
            strings(filter.putArray("assignees"), feed.filter().assignees());
            strings(filter.putArray("labels"), feed.filter().labels());
            feed.filter().stateGroups().stream().map(StateGroup::wireName).sorted()
                    .forEach(filter.putArray("state_groups")::add);
            feed.filter().priorities().stream().map(Priority::wireName).sorted()
                    .forEach(filter.putArray("priorities")::add);
            filter.put("completed", feed.filter().completed().wireName());
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
    }

    /** The feeds in the file; a file this version cannot read is an error, never an empty list. */
    static List<FeedRecord> read(byte[] content) throws IOException {
        JsonNode root = JSON.readTree(content);
        if (root == null || root.path("version").asInt() != VERSION || !root.path("feeds").isArray()) {
            throw new IOException("not a version " + VERSION + " feed file");
        }
        List<FeedRecord> feeds = new ArrayList<>();
        try {
            for (JsonNode node : root.path("feeds")) {
                JsonNode filter = node.path("filter");
                FeedFilter parsed = new FeedFilter(texts(filter.path("projects"), s -> s),
                        texts(filter.path("assignees"), s -> s), texts(filter.path("labels"), s -> s),
                        texts(filter.path("state_groups"), StateGroup::fromWire),
                        texts(filter.path("priorities"), Priority::fromWire),
                        CompletedMode.fromWire(filter.path("completed").asText("cancelled")));
                Optional<Instant> last = node.hasNonNull("last_access")
                        ? Optional.of(Instant.parse(node.get("last_access").asText())) : Optional.empty();
                feeds.add(new FeedRecord(new FeedName(node.path("name").asText()), parsed,
                        new TokenHash(node.path("token_sha256").asText()), Instant.parse(node.path("created").asText()),
                        last));
            }
        } catch (RuntimeException e) {
            throw new IOException("a feed in the file is not valid: " + e.getMessage(), e);
        }
        return feeds;
    }

    private static void strings(ArrayNode into, Set<String> values) {
        values.stream().sorted().forEach(into::add);
    }

    private static <T> Set<T> texts(JsonNode array, Function<String, T> parse) {
        Set<T> values = new LinkedHashSet<>();
        array.forEach(item -> values.add(parse.apply(item.asText())));
        return values;
    }
}
