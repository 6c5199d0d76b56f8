package io.calplanebot.app.cli;

import io.calplanebot.app.config.ConfigException;
import io.calplanebot.app.config.FeedConfig;
import io.calplanebot.app.config.StateConfig;
import io.calplanebot.app.feeds.StateStoreFeedTokens;
import io.calplanebot.core.port.out.FeedStorageException;
import io.calplanebot.core.feed.ManageFeedsService;
import io.calplanebot.core.port.in.ManageFeedsUseCase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.security.SecureRandom;
import java.util.Optional;

/** {@code calplanebot feeds add|list|revoke}: subscribable feeds and their secret tokens. */
@Command(name = "feeds", mixinStandardHelpOptions = true,
        description = "Add, list and revoke subscribable iCalendar feeds (docs/api.md#feeds). Needs only DATA_DIR"
                + " and PUBLIC_URL, not Plane or CalDAV.",
        subcommands = {FeedsAddCommand.class, FeedsListCommand.class, FeedsRevokeCommand.class})
final class FeedsCommand implements Runnable {
    @ParentCommand
    private Cli parent;

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    /** The feed settings, or empty after printing every configuration problem to {@code err}. */
    Optional<FeedConfig> config(PrintWriter err) {
        try {
            return Optional.of(parent.loader().loadFeeds());
        } catch (ConfigException e) {
            err.println(e.getMessage());
            err.flush();
            return Optional.empty();
        }
    }

    ManageFeedsUseCase manage(FeedConfig config) {
        StateConfig state;
        try {
            state = parent.loader().loadState();
        } catch (ConfigException e) {
            throw new FeedStorageException(e.getMessage(), e);
        }
        return new ManageFeedsService(new StateStoreFeedTokens(state, config.dataDirectory(), config.tokenFile()),
                new SecureRandom(), parent.clock());
    }
}
