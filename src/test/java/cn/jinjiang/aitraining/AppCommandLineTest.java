package cn.jinjiang.aitraining;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Starting the server builds only the server's command line; everything else gets the whole one. */
class AppCommandLineTest {
    @Test
    void theOperatorCommandsAreExactlyTheOnesMainLooksFor() {
        assertEquals(App.COMMANDS, App.commandLine().getSubcommands().keySet());
    }

    @Test
    void theServersOwnArgumentsBuildNoSubcommand() {
        assertTrue(App.commandLineFor(new String[] {"--port", "7071", "--db", "x.db", "--behind-proxy"}).getSubcommands().isEmpty());
        assertTrue(App.commandLineFor(new String[0]).getSubcommands().isEmpty());
    }

    @Test
    void helpCommandsAndMistakesGetTheWholeCommandLine() {
        for (String[] args : new String[][] {{"--help"}, {"-V"}, {"admin", "list"}, {"--db", "x.db", "backup"}, {"--no-such-option"}}) {
            assertEquals(App.COMMANDS, App.commandLineFor(args).getSubcommands().keySet(), String.join(" ", args));
        }
        // The usage printed for a mistake lists the operator commands, as before.
        StringWriter err = new StringWriter();
        CommandLine cli = App.commandLineFor(new String[] {"--no-such-option"});
        cli.setErr(new PrintWriter(err));
        assertEquals(2, cli.execute("--no-such-option"));
        assertTrue(err.toString().contains("Unknown option: '--no-such-option'"), err.toString());
        assertTrue(err.toString().contains("migrate-db"), err.toString());
    }
}
