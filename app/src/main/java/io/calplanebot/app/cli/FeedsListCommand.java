package io.calplanebot.app.cli;

import io.calplanebot.app.config.FeedConfig;
import io.calplanebot.core.domain.feed.FeedRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code feeds list}: names, filters, when made and last fetched; never a token. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the feeds: name, filter, when each was made and last fetched (never the token).")
final class FeedsListCommand implements Callable<Integer> {
    @ParentCommand
    private FeedsCommand feeds;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Optional<FeedConfig> config = feeds.config(spec.commandLine().getErr());
        if (config.isEmpty()) {
            return Cli.EXIT_CONFIG;
        }
        List<FeedRecord> all = feeds.manage(config.get()).list();
        if (all.isEmpty()) {
            out.println("No feeds yet. Add one with: calplanebot feeds add NAME [--project P] [--assignee A] …");
            return 0;
        }
        Table table = new Table("NAME", "FILTER", "CREATED", "LAST ACCESS");
        for (FeedRecord feed : all) {
            table.row(feed.name().value(), feed.filter().describe(), minute(feed.created()),
                    feed.lastAccess().map(FeedsListCommand::minute).orElse("never"));
        }
        table.print(out);
        return 0;
    }

    private static String minute(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MINUTES).toString().replace("T", " ").replace(":00Z", "Z");
    }
}
