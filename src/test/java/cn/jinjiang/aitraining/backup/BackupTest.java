package cn.jinjiang.aitraining.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinjiang.aitraining.App;
import cn.jinjiang.aitraining.db.DataVersion;
import cn.jinjiang.aitraining.db.Database;
import cn.jinjiang.aitraining.support.TestApp;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BackupTest {
    @TempDir
    Path folder;

    /**
     * Writers commit continuously while the backup runs. Each write adds one observation and bumps the
     * data version in the same transaction, so a consistent snapshot has exactly as many extra
     * observations as version bumps — a torn copy would not.
     */
    @Test
    @Timeout(120)
    void aBackupTakenUnderWriteLoadRestoresToAConsistentDatabase() throws Exception {
        AtomicInteger committed = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Throwable> writerFailure = new AtomicReference<>();
        try (TestApp app = TestApp.builder().folder(folder).start()) {
            Thread writer = new Thread(() -> {
                while (!stop.get()) {
                    app.database().jdbi().useTransaction(h -> {
                        h.execute("""
                                INSERT INTO observation (figure_id, value, unit, qualifier, period_zh, period_en, as_of,
                                                         source_id, quote, recorded_at)
                                VALUES (1, 70, '场', 'exact', '2025年以来', '2025 year to date', '2025-06-01', 1,
                                        'load', '2025-06-01T00:00:00Z')""");
                        DataVersion.bump(h);
                    });
                    committed.incrementAndGet();
                }
            });
            writer.setUncaughtExceptionHandler((t, e) -> writerFailure.set(e));
            writer.start();
            awaitCommits(committed, 50, writer, writerFailure);

            Path backup = folder.resolve("backups/copy.db");
            CommandLine cli = App.commandLine();
            StringWriter out = new StringWriter();
            cli.setOut(new PrintWriter(out));
            cli.setErr(new PrintWriter(out));
            int code = cli.execute("backup", "--db", app.dbFile().toString(), "--to", backup.toString());
            int atBackup = committed.get();
            awaitCommits(committed, atBackup + 50, writer, writerFailure);
            stop.set(true);
            writer.join(TimeUnit.SECONDS.toMillis(30));
            assertFalse(writer.isAlive(), "the writer stopped");

            assertEquals(0, code, out.toString());
            assertTrue(out.toString().contains("integrity ok"), out.toString());
            assertFalse(Files.exists(folder.resolve("backups/copy.db.partial")));

            // Restore: the backup is a database file the server opens as it is.
            try (Database restored = Database.open(backup)) {
                String integrity = restored.jdbi().withHandle(h -> h.createQuery("PRAGMA integrity_check").mapTo(String.class).one());
                assertEquals("ok", integrity);
                long extra = restored.jdbi().withHandle(h -> h.createQuery(
                        "SELECT COUNT(*) FROM observation WHERE quote = 'load'").mapTo(Long.class).one());
                long version = restored.jdbi().withHandle(h -> h.createQuery(
                        "SELECT version FROM data_version").mapTo(Long.class).one());
                assertTrue(extra >= 50, "the writes before the backup are in it: " + extra);
                assertEquals(version - 1, extra, "a consistent snapshot");
                assertTrue(extra < committed.get(), "writes after the backup are not");
            }
        }
    }

    /** Waits until the writer has committed {@code target} changes; a writer that died or stalls fails the test. */
    private static void awaitCommits(AtomicInteger committed, int target, Thread writer, AtomicReference<Throwable> failure)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (committed.get() < target) {
            if (failure.get() != null) throw new AssertionError("the writer failed after " + committed.get() + " commits", failure.get());
            if (!writer.isAlive()) throw new AssertionError("the writer stopped after " + committed.get() + " commits");
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + committed.get() + " of " + target + " commits within 30 s");
            }
            Thread.sleep(5);
        }
    }

    @Test
    void neverOverwritesAnExistingFile() throws Exception {
        Path db = folder.resolve("d.db");
        Database.open(db).close();
        Path existing = Files.writeString(folder.resolve("existing.db"), "keep me");
        CommandLine cli = App.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        int code = cli.execute("backup", "--db", db.toString(), "--to", existing.toString());
        assertNotEquals(0, code);
        assertTrue(err.toString().contains("already exists"), err.toString());
        assertEquals("keep me", Files.readString(existing));
    }
}
