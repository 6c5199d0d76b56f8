package io.calplanebot.app.cli;

import io.calplanebot.app.config.FeedConfig;
import io.calplanebot.core.domain.Priority;
import io.calplanebot.core.domain.StateGroup;
import io.calplanebot.core.domain.feed.CompletedMode;
import io.calplanebot.core.domain.feed.FeedFilter;
import io.calplanebot.core.domain.feed.FeedName;
import io.calplanebot.core.port.in.FeedNameTakenException;
import io.calplanebot.core.port.in.NewFeed;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;

/** {@code feeds add NAME [filters…]}: makes a feed and prints its URL, the only time its token is shown. */
@Command(name = "add", mixinStandardHelpOptions = true,
        description = "Add a feed and print its URL (https/http and webcal://). The token in it is shown only now."
                + " Values of one filter are alternatives; different filters must all match; no filter is the"
                + " whole workspace.")
final class FeedsAddCommand implements Callable<Integer> {
    @ParentCommand
    private FeedsCommand feeds;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "A short slug: a-z, 0-9, '-' and '_'.")
    private String name;

    @Option(names = "--project", paramLabel = "P", description = "Project identifier (e.g. MOB) or id.")
    private List<String> projects = new ArrayList<>();

    @Option(names = "--assignee", paramLabel = "A", description = "Plane user id, e-mail address or display name.")
    private List<String> assignees = new ArrayList<>();

    @Option(names = "--label", paramLabel = "L", description = "Label name.")
    private List<String> labels = new ArrayList<>();

    @Option(names = "--state-group", paramLabel = "G",
            description = "backlog, unstarted, started, completed or cancelled.")
    private List<String> stateGroups = new ArrayList<>();

    @Option(names = "--priority", paramLabel = "PRIO", description = "urgent, high, medium, low or none.")
    private List<String> priorities = new ArrayList<>();

    @Option(names = "--completed", paramLabel = "MODE", defaultValue = "cancelled",
            description = "How completed/cancelled issues appear: hide, cancelled (default: STATUS:CANCELLED, which"
                    + " Google Calendar and Outlook hide) or show (as ordinary events).")
    private String completed;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<FeedConfig> config = feeds.config(err);
        if (config.isEmpty()) {
            return Cli.EXIT_CONFIG;
        }
        FeedName feedName;
        FeedFilter filter;
        try {
            feedName = new FeedName(name);
            filter = new FeedFilter(Set.copyOf(projects), Set.copyOf(assignees), Set.copyOf(labels),
                    parsed(stateGroups, StateGroup::fromWire, "state group", "backlog, unstarted, started, completed,"
                            + " cancelled"),
                    parsed(priorities, Priority::fromWire, "priority", "urgent, high, medium, low, none"),
                    CompletedMode.fromWire(completed));
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return Cli.EXIT_USAGE;
        }
        try {
            NewFeed feed = feeds.manage(config.get()).add(feedName, filter);
            FeedLinks links = new FeedLinks(config.get().publicUrl(), feed.token());
            out.println("Feed '" + feedName + "' added: " + filter.describe());
            out.println("  " + links.web());
            out.println("  " + links.webcal());
            out.println("The token is shown only now; anyone with the URL can read the feed."
                    + " End it with: calplanebot feeds revoke " + feedName);
            return 0;
        } catch (FeedNameTakenException e) {
            err.println(e.getMessage());
            return Cli.EXIT_FAILED;
        }
    }

    private static <T> Set<T> parsed(List<String> values, Function<String, T> parse, String what, String allowed) {
        Set<T> parsed = new LinkedHashSet<>();
        for (String value : values) {
            try {
                parsed.add(parse.apply(value));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + value + "' is not a " + what + "; one of " + allowed, e);
            }
        }
        return parsed;
    }
}
