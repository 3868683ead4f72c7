package cn.jinjiang.aitraining;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The server's own reading of its arguments gives exactly what picocli gives, or leaves the line to picocli. */
class ServerArgumentsTest {
    private static final String[][] PLAIN = {
            {},
            {"--port", "8080"},
            {"--port=8080", "--host", "127.0.0.1"},
            {"--db", "jdbc:postgresql://db:5432/dashboard?user=dash&ssl=true"},
            {"--db=data/x.db", "--behind-proxy", "--trusted-proxy", "10.0.0.1,10.0.0.2"},
            {"--trusted-proxy", "10.0.0.1", "--trusted-proxy=::1", "--behind-proxy"},
            {"--embed-origins", "https://a.example,https://b.example"},
            {"--metrics-port", "9100", "--metrics-host", "0.0.0.0", "--access-log", "/var/log/dashboard.log"},
            {"--db", "data/x.db", "--db-password-file", "/run/secrets/pw", "--db-wait", "5"},
            {"--warm-up", "100", "--port", "0"},
            {"--cds-training-database", "target/cds-training"},
            {"--cds-training=target/cds-training"},
    };

    @Test
    void plainLinesReadAsPicocliReadsThem() throws Exception {
        for (String[] args : PLAIN) {
            Optional<App> fast = ServerArguments.read(args);
            assertTrue(fast.isPresent(), String.join(" ", args));
            App picocli = new App();
            new CommandLine(picocli).parseArgs(args);
            for (Field field : optionFields()) {
                assertEquals(field.get(picocli), field.get(fast.get()), field.getName() + " in: " + String.join(" ", args));
            }
        }
    }

    @Test
    void everythingElseIsLeftToPicocli() {
        String[][] others = {
                {"--port", "http"}, {"--port", "0x1F"}, {"--port", "99999999999"}, {"--port"}, {"--port", "1", "--port", "2"},
                {"--no-such-option"}, {"data/x.db"}, {"-p", "8080"}, {"--behind-proxy=false"}, {"--access-log", "-"},
                {"--trusted-proxy", "\"10.0.0.1,10.0.0.2\""}, {"--trusted-proxy", "10.0.0.1,"}, {"--trusted-proxy="},
                {"--db-password-file="}, {"--help"}, {"admin", "list"},
        };
        for (String[] args : others) {
            assertTrue(ServerArguments.read(args).isEmpty(), String.join(" ", args));
        }
    }

    @Test
    void everyOptionOfTheServerIsCovered() throws Exception {
        // A new option of a type the fast reading does not convert would send every start to picocli: that
        // is correct but slow, so a new type belongs in ServerArguments.assign (and in PLAIN above).
        List<String> names = new ArrayList<>();
        for (Field field : optionFields()) names.add(field.getName());
        assertTrue(ServerArguments.read(new String[0]).isPresent(), "defaults of " + names);
        for (Field field : optionFields()) {
            boolean exercised = false;
            for (String[] args : PLAIN) {
                CommandLine.Option option = field.getAnnotation(CommandLine.Option.class);
                for (String arg : args) {
                    for (String name : option.names()) exercised |= arg.equals(name) || arg.startsWith(name + "=");
                }
            }
            assertTrue(exercised, field.getName() + " is not in PLAIN");
        }
    }

    private static List<Field> optionFields() {
        List<Field> fields = new ArrayList<>();
        for (Field field : App.class.getDeclaredFields()) {
            if (field.isAnnotationPresent(CommandLine.Option.class)) fields.add(field);
        }
        return fields;
    }
}
