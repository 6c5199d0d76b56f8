package io.calplanebot.app.cli;

import io.calplanebot.app.config.FeedConfig;
import io.calplanebot.core.domain.feed.FeedName;
import io.calplanebot.core.port.in.UnknownFeedException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code feeds revoke NAME}: the feed's token opens nothing from the next request on, also in a running service. */
@Command(name = "revoke", mixinStandardHelpOptions = true,
        description = "End a feed at once: its URL answers 404 from the next request on, also in a running service.")
final class FeedsRevokeCommand implements Callable<Integer> {
    @ParentCommand
    private FeedsCommand feeds;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "The feed's name, as `feeds list` shows it.")
    private String name;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<FeedConfig> config = feeds.config(err);
        if (config.isEmpty()) {
            return Cli.EXIT_CONFIG;
        }
        try {
            feeds.manage(config.get()).revoke(new FeedName(name));
            out.println("Feed '" + name + "' revoked; its URL opens nothing any more.");
            return 0;
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return Cli.EXIT_USAGE;
        } catch (UnknownFeedException e) {
            err.println(e.getMessage() + "; `calplanebot feeds list` shows the feeds there are.");
            return Cli.EXIT_FAILED;
        }
    }
}
