package cn.jinjiang.aitraining.extract;

import static cn.jinjiang.aitraining.support.OperatorCommand.args;
import static cn.jinjiang.aitraining.support.OperatorCommand.dbOptions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinjiang.aitraining.admin.extract.FollowUpReportTest;
import cn.jinjiang.aitraining.db.DatabaseLocation;
import cn.jinjiang.aitraining.suggest.KnownFigures;
import cn.jinjiang.aitraining.support.OperatorCommand;
import cn.jinjiang.aitraining.support.PostgresCluster;
import cn.jinjiang.aitraining.support.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code extract --db FILE|URL}: with a database of either kind (an SQLite file, or with
 * -Dtest.db=postgresql a PostgreSQL database) each line also says which of its figures the number may
 * update; a database that is missing or refuses is a clear error that creates nothing and never
 * shows the password.
 */
@Timeout(300) // a command process starts; slow on a busy two-core machine
class ExtractCommandDatabaseTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String SECONDED = "三年选派70名干部赴上海、深圳跟班学习。";

    @TempDir Path folder;

    /** Output of one run. */
    private record Run(int exit, String out, String err) {
        List<JsonNode> lines() throws Exception {
            List<JsonNode> nodes = new ArrayList<>();
            for (String l : out.split("\n")) {
                if (!l.isEmpty()) nodes.add(JSON.readTree(l));
            }
            return nodes;
        }

        String printed() { return out + err; }
    }

    /** A run with the figures read from the database through the catalogue the application gives. */
    private static Run run(String stdin, String... args) {
        return runWith(KnownFigures.fromDatabase(), stdin, args);
    }

    private static Run runWith(FigureCatalogue catalogue, String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ExtractCommand cmd = new ExtractCommand(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                catalogue);
        int exit = new CommandLine(cmd).execute(args);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static JsonNode line(List<JsonNode> lines, String text) {
        return lines.stream().filter(l -> l.get("text").asText().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no line for " + text + " in " + lines));
    }

    @Test
    void withADatabaseEachLineSaysWhichFigureItMayUpdateItsPeriodAndItsFlags() throws Exception {
        DatabaseLocation db = TestDatabase.chosen().fresh(folder, "dashboard.db"); // the curated figures of the seed page
        List<String> options = dbOptions(db, folder);
        String report = FollowUpReportTest.REPORT;
        Run r = run(report, args(options, "--date", "2025-09-30"));
        assertEquals(0, r.exit(), r.err());
        List<JsonNode> lines = r.lines();
        List<String> fields = new ArrayList<>();
        line(lines, "112场").fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("text", "value", "unit", "qualifier", "kind", "quote", "subject", "scope", "suggested_figure",
                "suggestion_reason", "suggestion_confidence", "period", "period_en", "flags"), fields);

        JsonNode activities = line(lines, "112场");
        assertEquals("ai-learning-activities", activities.get("suggested_figure").asText());
        assertTrue(activities.get("suggestion_reason").asText().contains("unit 场, subject 'AI学习活动' matches the label"),
                activities.toString());
        assertEquals("2025年以来", activities.get("period").asText());
        assertEquals("2025 year to date", activities.get("period_en").asText());
        assertEquals(0, activities.get("flags").size());

        JsonNode hours = line(lines, "突破2万学时");
        assertEquals("ai-online-study-hours", hours.get("suggested_figure").asText());
        assertEquals("累计", hours.get("period").asText());
        assertEquals("cumulative", hours.get("period_en").asText());

        JsonNode test = line(lines, "约3200名");
        assertTrue(test.get("suggested_figure").isNull(), "the officials who sat a test are not the seconded ones");
        JsonNode trip = line(lines, "40名");
        assertTrue(trip.get("suggested_figure").isNull());
        assertEquals("future", trip.get("flags").get(0).asText());
        JsonNode rate = line(lines, "98%");
        assertTrue(rate.get("suggested_figure").isNull());
        assertEquals("rate", rate.get("flags").get(0).asText());

        Run unknown = run(SECONDED, args(options, "--date", "2025-09-30"));
        JsonNode seconded = line(unknown.lines(), "70名");
        assertEquals("cadres-seconded-shanghai-shenzhen", seconded.get("suggested_figure").asText(), seconded.toString());
        assertEquals("[\"period-unrecognised\"]", seconded.get("flags").toString(), seconded.toString());
        assertEquals("三年", seconded.get("period").asText(), "an unknown period keeps the figure's own");
        assertEquals("three years", seconded.get("period_en").asText());

        Run plain = runWith(null, report, "--date", "2025-09-30");
        for (JsonNode l : plain.lines()) {
            assertFalse(l.has("suggested_figure"), "without --db the output stays as it was");
            assertFalse(l.has("flags"));
        }
    }

    @Test
    void theJarsCommandSuggestsFromTheDatabaseItIsGiven() throws Exception {
        DatabaseLocation db = TestDatabase.chosen().fresh(folder, "dashboard.db");
        // As an operator runs it: the jar's main class, the password (PostgreSQL) in the environment.
        OperatorCommand.Run jar = OperatorCommand.asProcess(db, SECONDED, "extract", "--db", db.toString(), "--date", "2025-09-30");
        assertEquals(0, jar.exit(), jar.printed());
        JsonNode seconded = line(new Run(jar.exit(), jar.out(), jar.err()).lines(), "70名");
        assertEquals("cadres-seconded-shanghai-shenzhen", seconded.get("suggested_figure").asText(), seconded.toString());
        assertFalse(jar.printed().contains(PostgresCluster.PASSWORD), "the password is never printed");

        // The suggestion comes from this database: once the figure is archived there, it is no longer offered.
        try (Connection c = TestDatabase.connect(db)) {
            assertEquals(1, c.createStatement().executeUpdate(
                    "UPDATE figure SET archived = TRUE WHERE figure_key = 'cadres-seconded-shanghai-shenzhen'"));
        }
        Run archived = run(SECONDED, args(dbOptions(db, folder), "--date", "2025-09-30"));
        assertEquals(0, archived.exit(), archived.err());
        JsonNode after = line(archived.lines(), "70名");
        assertFalse(after.get("suggested_figure").asText("").equals("cadres-seconded-shanghai-shenzhen"), after.toString());
    }

    @Test
    void aMissingOrRefusingDatabaseIsAClearErrorThatCreatesNothingAndShowsNoPassword() throws Exception {
        DatabaseLocation db = TestDatabase.chosen().fresh(folder, "dashboard.db");
        String secret = "not-the-password-" + System.nanoTime();
        Path wrongPassword = folder.resolve("wrong-password");
        Files.writeString(wrongPassword, secret + "\n");
        if (db.isSqlite()) {
            Path missing = folder.resolve("nope.db");
            Run r = run("举办39期", "--db", missing.toString());
            assertEquals(ExtractCommand.EXIT_USAGE, r.exit());
            assertTrue(r.err().contains("no database file"), r.err());
            assertFalse(Files.exists(missing), "reading never creates a database file");
            Run withPasswordFile = run("举办39期", "--db", db.toString(), "--db-password-file", wrongPassword.toString());
            assertEquals(ExtractCommand.EXIT_USAGE, withPasswordFile.exit());
            assertTrue(withPasswordFile.err().contains("--db-password-file is for a PostgreSQL database"), withPasswordFile.err());
            assertEquals("", withPasswordFile.out());
        } else {
            PostgresCluster cluster = PostgresCluster.get();
            String missing = cluster.url("no_such_database_" + System.nanoTime());
            Run r = run("举办39期", args(List.of("--db", missing, "--db-password-file", dbOptions(db, folder).get(3))));
            assertEquals(ExtractCommand.EXIT_FAILURE, r.exit(), r.printed());
            assertTrue(r.err().contains("the database does not exist"), r.err());
            assertEquals("", r.out());
            Run refused = run("举办39期", "--db", db.toString(), "--db-password-file", wrongPassword.toString());
            assertEquals(ExtractCommand.EXIT_FAILURE, refused.exit(), refused.printed());
            assertTrue(refused.err().contains("refused the user name or password"), refused.err());
            assertFalse(refused.printed().contains(secret), "the wrong password is not printed either");
            assertFalse((r.printed() + refused.printed()).contains(PostgresCluster.PASSWORD));
            assertFalse((r.printed() + refused.printed()).contains("Exception"), "no stack trace");
        }
        Run inUrl = run("举办39期", "--db", "jdbc:postgresql://127.0.0.1:1/dashboard?user=dash&password=" + secret);
        assertEquals(ExtractCommand.EXIT_USAGE, inUrl.exit());
        assertTrue(inUrl.err().contains("must not carry the password"), inUrl.err());
        assertFalse(inUrl.printed().contains(secret), inUrl.printed());

        Run noCatalogue = runWith(null, "举办39期", "--db", db.toString());
        assertEquals(ExtractCommand.EXIT_USAGE, noCatalogue.exit());
    }
}
