package cn.jinjiang.aitraining.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinjiang.aitraining.support.PostgresCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * When traffic stops, the server closes its idle SQLite connections, whose page caches are C memory
 * the JVM cannot collect; the next request gets a fresh connection. PostgreSQL's connections keep
 * their caches on the database server, so they are left alone.
 */
@Timeout(120)
class IdleConnectionsTest {
    @TempDir
    Path folder;

    @Test
    void idleSqliteConnectionsAreClosedAndTheDatabaseStillAnswers() throws InterruptedException {
        try (Database database = Database.open(folder.resolve("d.db"))) {
            openTogether(database, 4);
            assertEquals(4, database.pool().getHikariPoolMXBean().getTotalConnections(), "four connections, now idle");

            database.releaseIdleConnections();

            assertTrue(waitUntil(() -> database.pool().getHikariPoolMXBean().getTotalConnections() <= 1),
                    "the idle connections were closed (the pool keeps at most its one spare)");
            int figures = database.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM figure").mapTo(Integer.class).one());
            assertEquals(15, figures, "a fresh connection answers");
        }
    }

    @Test
    void aConnectionInUseIsClosedWhenReturnedNotWhileInUse() throws InterruptedException {
        try (Database database = Database.open(folder.resolve("d.db"))) {
            openTogether(database, 3);
            try (Handle busy = database.jdbi().open()) {
                database.releaseIdleConnections();
                // the request holding it finishes its work on it
                int figures = busy.createQuery("SELECT count(*) FROM figure").mapTo(Integer.class).one();
                assertEquals(15, figures);
            }
            assertTrue(waitUntil(() -> database.pool().getHikariPoolMXBean().getTotalConnections() <= 1));
        }
    }

    @Test
    void postgresqlConnectionsAreLeftAlone() throws InterruptedException {
        try (Database database = Database.open(PostgresCluster.get().emptyDatabase(), Duration.ofSeconds(5))) {
            openTogether(database, 3);
            database.releaseIdleConnections();
            Thread.sleep(1_000);
            assertEquals(3, database.pool().getHikariPoolMXBean().getTotalConnections());
        }
    }

    /** Holds {@code n} pooled connections at once, then returns them: the pool has n, idle. */
    private static void openTogether(Database database, int n) {
        List<Handle> handles = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                Handle h = database.jdbi().open();
                handles.add(h);
                h.createQuery("SELECT 1").mapTo(Integer.class).one();
            }
        } finally {
            handles.forEach(Handle::close);
        }
    }

    private static boolean waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) return true;
            Thread.sleep(50);
        }
        return condition.getAsBoolean();
    }
}
