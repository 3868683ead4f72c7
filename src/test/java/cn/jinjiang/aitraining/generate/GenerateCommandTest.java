package cn.jinjiang.aitraining.generate;

import static cn.jinjiang.aitraining.support.OperatorCommand.args;
import static cn.jinjiang.aitraining.support.OperatorCommand.dbOptions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinjiang.aitraining.AppConfig;
import cn.jinjiang.aitraining.db.DatabaseLocation;
import cn.jinjiang.aitraining.support.OperatorCommand;
import cn.jinjiang.aitraining.support.OperatorCommand.Run;
import cn.jinjiang.aitraining.support.PostgresCluster;
import cn.jinjiang.aitraining.support.ServerProcess;
import cn.jinjiang.aitraining.support.TestDatabase;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code generate --db FILE|URL} fills a database of either kind (an SQLite file, or with
 * -Dtest.db=postgresql a PostgreSQL database) that the server then serves, refuses the default
 * database file and a database that already holds generated data, and never prints the password.
 */
@Timeout(300) // server and command processes start; slow on a busy two-core machine
class GenerateCommandTest {
    static final String GENERATED_FIGURES = "SELECT COUNT(*) FROM figure WHERE figure_key LIKE 'gen-figure-%'";
    static final String GENERATED_OBSERVATIONS = """
            SELECT COUNT(*) FROM observation o JOIN figure f ON f.id = o.figure_id WHERE f.figure_key LIKE 'gen-figure-%'""";
    static final String GENERATED_EVENTS = "SELECT COUNT(*) FROM event WHERE event_key LIKE 'gen-event-%'";

    @TempDir Path folder;

    @Test
    void fillsAFreshDatabaseThatTheServerThenLists() throws Exception {
        DatabaseLocation db = TestDatabase.chosen().fresh(folder, "generated.db");
        long curated = count(db, "SELECT COUNT(*) FROM figure");
        // As an operator runs it: the jar's main class, the password (PostgreSQL) in the environment.
        Run run = OperatorCommand.asProcess(db, "", "generate", "--db", db.toString(),
                "--figures", "40", "--observations", "5", "--events", "12");
        assertEquals(0, run.exit(), run.printed());
        assertTrue(run.out().startsWith("Generated 40 figures, 200 observations and 12 events in " + db + " in "), run.printed());
        assertFalse(run.printed().contains(PostgresCluster.PASSWORD), "the password is never printed");

        assertEquals(40, count(db, GENERATED_FIGURES));
        assertEquals(200, count(db, GENERATED_OBSERVATIONS));
        assertEquals(40, count(db, """
                SELECT COUNT(*) FROM (SELECT o.figure_id FROM observation o JOIN figure f ON f.id = o.figure_id
                 WHERE f.figure_key LIKE 'gen-figure-%' GROUP BY o.figure_id HAVING COUNT(*) = 5) five"""),
                "five observations for each figure");
        assertEquals(12, count(db, GENERATED_EVENTS));
        assertTrue(count(db, "SELECT COUNT(*) FROM event WHERE event_key LIKE 'gen-event-%' AND event_date IS NULL") > 0,
                "some events are undated, stored as NULL");
        assertTrue(count(db, "SELECT COUNT(*) FROM event WHERE event_key LIKE 'gen-event-%' AND event_date IS NOT NULL") > 0);

        try (ServerProcess server = ServerProcess.start(db, folder)) {
            String csv = server.cookielessClient().get("/figures.csv").body();
            List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new StringReader(csv.substring(1))).getRecords(); // after the byte-order mark
            assertEquals(curated + 40, rows.size(), "every figure, the curated ones and the generated ones");
            Set<String> keys = rows.stream().map(r -> r.get("key")).collect(Collectors.toCollection(HashSet::new));
            Set<String> generated = IntStream.rangeClosed(1, 40).mapToObj(i -> String.format("gen-figure-%07d", i))
                    .collect(Collectors.toSet());
            assertTrue(keys.containsAll(generated), "every generated figure is listed: " + keys);
            CSVRecord seventh = rows.stream().filter(r -> r.get("key").equals("gen-figure-0000007")).findFirst().orElseThrow();
            assertEquals("合成指标7", seventh.get("label_zh"));
            assertEquals("累计", seventh.get("period"));
            assertEquals("2022-01-29", seventh.get("as_of"), "the latest of five weekly reports from 2022-01-01");
            assertEquals(latestValue(db, "gen-figure-0000007"), seventh.get("value"));
        }
    }

    @Test
    void refusesADatabaseThatAlreadyHasGeneratedDataAndChangesNothing() throws Exception {
        DatabaseLocation db = TestDatabase.chosen().fresh(folder, "twice.db");
        List<String> options = dbOptions(db, folder);
        Run first = OperatorCommand.inProcess(args(List.of("generate"), args(options, "--figures", "7", "--observations", "3",
                "--events", "4")));
        assertEquals(0, first.exit(), first.printed());
        assertTrue(first.out().contains("Generated 7 figures, 21 observations and 4 events in " + db), first.printed());

        Run again = OperatorCommand.inProcess(args(List.of("generate"), args(options, "--figures", "5")));
        assertEquals(1, again.exit(), again.printed());
        assertTrue(again.err().contains("already holds generated data"), again.err());
        assertTrue(again.err().contains("该数据库已有合成数据"), again.err());
        assertFalse(again.printed().contains("Exception"), again.printed());
        assertEquals(7, count(db, GENERATED_FIGURES));
        assertEquals(21, count(db, GENERATED_OBSERVATIONS));
        assertEquals(4, count(db, GENERATED_EVENTS));
        assertFalse((first.printed() + again.printed()).contains(PostgresCluster.PASSWORD), "the password is never printed");
    }

    @Test
    void refusesTheDefaultDatabaseFileWithoutTouchingIt() throws Exception {
        Path defaultFile = Path.of(AppConfig.DEFAULT_DB);
        boolean existed = Files.exists(defaultFile);
        FileTime modified = existed ? Files.getLastModifiedTime(defaultFile) : null;
        for (String named : List.of(AppConfig.DEFAULT_DB, defaultFile.toAbsolutePath().toString(),
                "jdbc:sqlite:" + AppConfig.DEFAULT_DB, "data/../" + AppConfig.DEFAULT_DB)) {
            Run run = OperatorCommand.inProcess("generate", "--db", named, "--figures", "3");
            assertEquals(2, run.exit(), named + ": " + run.printed());
            assertTrue(run.err().contains("refusing to put synthetic data into the default database"), run.err());
            assertTrue(run.err().contains("不会向默认数据库写入合成数据"), run.err());
        }
        assertEquals(existed, Files.exists(defaultFile), "the default database is neither created nor removed");
        if (existed) assertEquals(modified, Files.getLastModifiedTime(defaultFile), "nor changed");
    }

    @Test
    void aPasswordNeverAppearsAndAWrongOneChangesNothing() throws Exception {
        DatabaseLocation db = TestDatabase.chosen().fresh(folder, "password.db");
        String secret = "not-the-password-" + System.nanoTime();
        Path passwordFile = folder.resolve("wrong-password");
        Files.writeString(passwordFile, secret + "\n");
        if (db.isSqlite()) {
            // An SQLite file has no password: naming a password file is a mistake worth saying.
            Path missing = folder.resolve("new.db");
            Run run = OperatorCommand.inProcess("generate", "--db", missing.toString(), "--db-password-file",
                    passwordFile.toString(), "--figures", "3");
            assertEquals(2, run.exit(), run.printed());
            assertTrue(run.err().contains("--db-password-file is for a PostgreSQL database"), run.err());
            assertFalse(Files.exists(missing), "no database file was made");
        } else {
            Run run = OperatorCommand.inProcess("generate", "--db", db.toString(), "--db-password-file",
                    passwordFile.toString(), "--figures", "3");
            assertEquals(1, run.exit(), run.printed());
            assertTrue(run.err().contains("refused the user name or password"), run.err());
            assertFalse(run.printed().contains(secret), "the wrong password is not printed either");
            assertFalse(run.printed().contains(PostgresCluster.PASSWORD));
        }
        // A password written into the URL would be in the process list: refused before connecting.
        String url = "jdbc:postgresql://127.0.0.1:1/dashboard?user=dash&password=" + secret;
        Run inUrl = OperatorCommand.inProcess("generate", "--db", url, "--figures", "3");
        assertEquals(2, inUrl.exit(), inUrl.printed());
        assertTrue(inUrl.err().contains("must not carry the password"), inUrl.err());
        assertFalse(inUrl.printed().contains(secret), inUrl.printed());
        assertEquals(0, count(db, GENERATED_FIGURES), "nothing was generated");
    }

    private static long count(DatabaseLocation db, String sql) throws Exception {
        try (Connection c = TestDatabase.connect(db); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The figure's latest value as the database holds it, as a plain number. */
    private static String latestValue(DatabaseLocation db, String key) throws Exception {
        try (Connection c = TestDatabase.connect(db); ResultSet rs = c.createStatement().executeQuery("""
                SELECT o.value FROM observation o JOIN figure f ON f.id = o.figure_id
                 WHERE f.figure_key = '%s' ORDER BY o.as_of DESC, o.id DESC""".formatted(key))) {
            rs.next();
            return new java.math.BigDecimal(rs.getString(1)).stripTrailingZeros().toPlainString();
        }
    }
}
