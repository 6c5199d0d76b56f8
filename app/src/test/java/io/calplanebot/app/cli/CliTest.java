package io.calplanebot.app.cli;

import io.calplanebot.app.config.ConfigLoader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line built for the arguments (only the subcommand they name) answers as the whole one does. */
class CliTest {

    private record Answer(int exit, String out, String err) {
    }

    private static Answer run(CommandLine line, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = line.setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        return new Answer(exit, out.toString(), err.toString());
    }

    private static ConfigLoader emptyConfig() {
        return new ConfigLoader(Map.of(), Optional.empty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"sync --help", "plan --help", "serve --help", "diagnose --help", "demo --help",
            "feeds --help", "feeds add --help", "state --help", "state export --help", "sync --no-such-option",
            "plan unexpected", "feeds", "--help", "--version", "help", "help sync", "help feeds add", "nosuchcommand",
            "--no-such-option", "sync --projects"})
    void theCommandLineBuiltForTheArguments_answersAsTheWholeOne(String arguments) {
        String[] args = arguments.split(" ");

        Answer built = run(Cli.commandLine(emptyConfig(), Clock.systemUTC(), args), args);
        Answer whole = run(Cli.commandLine(emptyConfig(), Clock.systemUTC()), args);

        assertThat(built).isEqualTo(whole);
        assertThat(built.out() + built.err()).isNotBlank();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sync", "plan", "feeds", "state", "demo", "diagnose", "serve"})
    void theCommandLineBuiltForASubcommand_holdsOnlyThatOne(String subcommand) {
        CommandLine built = Cli.commandLine(emptyConfig(), Clock.systemUTC(), subcommand, "--help");

        assertThat(built.getSubcommands()).containsOnlyKeys(subcommand);
        assertThat(Cli.commandLine(emptyConfig(), Clock.systemUTC()).getSubcommands())
                .containsKeys("serve", "sync", "plan", "diagnose", "feeds", "demo", "state", "help");
    }
}
