package cn.jinjiang.aitraining.durability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinjiang.aitraining.db.DataVersion;
import cn.jinjiang.aitraining.db.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Under constant readers the write-ahead log must not grow without bound: checkpoints have to
 * complete between reads. Without them, these writes alone would make the log tens of megabytes.
 */
class WalBoundTest {
    @TempDir
    Path folder;

    @Test
    @Timeout(180)
    void theWalStaysBoundedWhileReadersNeverStop() throws Exception {
        Path file = folder.resolve("wal.db");
        String quote = "数".repeat(70);
        try (Database db = Database.open(file)) {
            AtomicBoolean stop = new AtomicBoolean();
            AtomicLong reads = new AtomicLong();
            List<Thread> readers = new ArrayList<>();
            for (int r = 0; r < 4; r++) {
                Thread reader = new Thread(() -> {
                    while (!stop.get()) {
                        db.jdbi().useHandle(h -> h.createQuery(
                                "SELECT COUNT(*), MAX(value) FROM observation WHERE figure_id = 2").mapToMap().one());
                        reads.incrementAndGet();
                    }
                });
                reader.start();
                readers.add(reader);
            }
            long maxWal = 0;
            for (int i = 0; i < 3000; i++) {
                int n = i;
                db.jdbi().useTransaction(h -> {
                    h.createUpdate("""
                            INSERT INTO observation (figure_id, value, unit, qualifier, period_zh, period_en, as_of,
                                                     source_id, quote, recorded_at)
                            VALUES (2, :value, '人次', 'exact', '累计', 'cumulative', '2025-06-01', 1, :quote,
                                    '2025-06-01T00:00:00Z')""").bind("value", 10_000 + n).bind("quote", quote).execute();
                    DataVersion.bump(h);
                });
                if (i % 100 == 0) maxWal = Math.max(maxWal, walSize(file));
            }
            maxWal = Math.max(maxWal, walSize(file));
            stop.set(true);
            for (Thread reader : readers) {
                reader.join(30_000);
                assertTrue(!reader.isAlive(), "a reader still running 30 s after being told to stop");
            }

            assertTrue(reads.get() > 1000, "readers were reading all along: " + reads.get());
            long rows = db.jdbi().withHandle(h -> h.createQuery(
                    "SELECT COUNT(*) FROM observation WHERE figure_id = 2").mapTo(Long.class).one());
            assertEquals(3001, rows);
            assertTrue(maxWal < 16L << 20, "the WAL stayed bounded, largest seen " + maxWal + " bytes");
        }
    }

    private static long walSize(Path db) throws java.io.IOException {
        Path wal = Path.of(db + "-wal");
        return Files.exists(wal) ? Files.size(wal) : 0;
    }
}
