package io.calplanebot.app.cli;

import io.calplanebot.app.Version;
import io.calplanebot.app.config.ConfigLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The {@code calplanebot} command: {@code serve} (the default), {@code sync}, {@code plan}, {@code diagnose} and
 * {@code feeds} and {@code demo}.
 */
@Command(name = "calplanebot",
        mixinStandardHelpOptions = true,
        versionProvider = Cli.VersionProvider.class,
        description = "Mirrors Plane issues with due dates into CalDAV calendars.%n"
                + "Configuration comes from the environment and ./.env (see docs/configuration.md).",
        footer = {"", "Exit codes: 0 ok, 1 partly failed, 2 failed, 64 usage error, 78 invalid configuration."})
public final class Cli implements Callable<Integer> {
    private final ConfigLoader loader;
    private final Clock clock;

    /** The subcommands, in the order the help lists them; {@code serve} is also what runs without one. */
    private static final List<Class<?>> SUBCOMMANDS = List.of(ServeCommand.class, SyncCommand.class,
            PlanCommand.class, DiagnoseCommand.class, FeedsCommand.class, DemoCommand.class, StateCommand.class,
            CommandLine.HelpCommand.class);

    /** Exit code for an invalid configuration (sysexits EX_CONFIG). */
    public static final int EXIT_CONFIG = 78;
    public static final int EXIT_PARTIAL = 1;
    public static final int EXIT_FAILED = 2;
    public static final int EXIT_USAGE = 64;

    public Cli(ConfigLoader loader, Clock clock) {
        this.loader = loader;
        this.clock = clock;
    }

    @Override
    public Integer call() {
        return new ServeCommand().runWith(this);
    }

    ConfigLoader loader() {
        return loader;
    }

    Clock clock() {
        return clock;
    }

    /**
     * The command line for these arguments over the process environment, ./.env and the system clock. Picocli reads
     * every command's annotations when it builds one, which costs a noticeable part of a start; when the arguments
     * name a subcommand, only that one is built (its parsing, help and errors are the same as in the whole).
     */
    public static CommandLine commandLine(String... args) {
        return commandLine(ConfigLoader.fromProcess(), Clock.systemUTC(), args);
    }

    /** The command line for these arguments; without arguments, the whole one (every subcommand). */
    public static CommandLine commandLine(ConfigLoader loader, Clock clock, String... args) {
        if (args.length > 0) {
            for (Class<?> subcommand : SUBCOMMANDS) {
                if (subcommand != CommandLine.HelpCommand.class
                        && subcommand.getAnnotation(Command.class).name().equals(args[0])) {
                    return commandLine(loader, clock, List.of(subcommand));
                }
            }
        }
        return commandLine(loader, clock, SUBCOMMANDS);
    }

    private static CommandLine commandLine(ConfigLoader loader, Clock clock, List<Class<?>> subcommands) {
        CommandLine line = new CommandLine(new Cli(loader, clock));
        for (Class<?> subcommand : subcommands) {
            line.addSubcommand(subcommand);
        }
        line.setExitCodeExceptionMapper(e -> EXIT_FAILED);
        line.setParameterExceptionHandler((ex, args) -> {
            ex.getCommandLine().getErr().println(ex.getMessage());
            ex.getCommandLine().usage(ex.getCommandLine().getErr());
            return EXIT_USAGE;
        });
        return line;
    }

    /** Prints the version from the build. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"CalPlaneBot " + Version.current(),
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
