package cn.jinjiang.aitraining.db;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinjiang.aitraining.App;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The server refuses a bad database file clearly, without a stack trace and without touching it.
 * Bounded in time: a server that wrongly started would otherwise keep the test waiting.
 */
@Timeout(60)
class StartupRefusalTest {
    @TempDir
    Path folder;

    record Run(int exitCode, String stderr) {}

    private Run serve(Path db) {
        CommandLine cli = App.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        int code = cli.execute("--port", "0", "--host", "127.0.0.1", "--db", db.toString());
        return new Run(code, err.toString());
    }

    private void assertRefusedUntouched(Path db, String reason) throws Exception {
        byte[] before = Files.readAllBytes(db);
        long modified = Files.getLastModifiedTime(db).toMillis();
        Run run = serve(db);
        assertNotEquals(0, run.exitCode(), "must not start");
        assertTrue(run.stderr().contains(reason), run.stderr());
        assertTrue(run.stderr().contains("Nothing was changed"), run.stderr());
        assertFalse(run.stderr().contains("\tat "), "no stack trace: " + run.stderr());
        assertArrayEquals(before, Files.readAllBytes(db), "the file is untouched");
        assertEquals(modified, Files.getLastModifiedTime(db).toMillis());
        assertFalse(Files.exists(Path.of(db + "-wal")), "no WAL file created");
    }

    @Test
    void refusesAFileThatIsNotSqlite() throws Exception {
        Path db = folder.resolve("notes.db");
        Files.writeString(db, "这不是数据库 — just some text\n".repeat(100), StandardCharsets.UTF_8);
        assertRefusedUntouched(db, "not an SQLite database");
    }

    @Test
    void refusesACorruptDatabase() throws Exception {
        Path db = folder.resolve("corrupt.db");
        Database.open(db).close();
        try (RandomAccessFile raf = new RandomAccessFile(db.toFile(), "rw")) {
            // Keep the header, scribble over the pages after the first one.
            long length = raf.length();
            byte[] junk = new byte[(int) Math.min(length - 4096, 64 * 1024)];
            java.util.Arrays.fill(junk, (byte) 0x5A);
            raf.seek(4096);
            raf.write(junk);
        }
        assertRefusedUntouched(db, "corrupt");
    }

    @Test
    void refusesAReadOnlyDatabase() throws Exception {
        Path db = folder.resolve("readonly.db");
        Database.open(db).close();
        Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("r--r--r--"));
        try {
            assertRefusedUntouched(db, "read-only");
        } finally {
            Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    @Test
    void refusesADatabaseFromANewerSchema() throws Exception {
        Path db = folder.resolve("future.db");
        try (Database database = Database.open(db)) {
            database.jdbi().useHandle(h -> h.execute("""
                    INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,
                        installed_by, installed_on, execution_time, success)
                    VALUES (999, '999', 'from the future', 'SQL', 'V999__future.sql', 0, '', '2030-01-01 00:00:00.000', 1, 1)"""));
        }
        assertRefusedUntouched(db, "newer version");
    }
}
