package cn.jinjiang.aitraining.db;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.config.JdbiConfig;

/**
 * A counter bumped by every change to the data; pages derive their ETag from it.
 *
 * <p>Every public request asks for the version, so it is kept in memory and re-read from the
 * database only after a transaction that bumped it has committed. The commit signal lives in the
 * Jdbi instance's configuration (not in a static field), so each database has its own.
 */
public final class DataVersion {
    private final Jdbi jdbi;
    private final CommitSignal signal;
    private volatile Known known = new Known(-1, -1);

    public DataVersion(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.signal = jdbi.getConfig(CommitSignal.class);
    }

    public long current() {
        long generation = signal.generation.get();
        Known k = known;
        if (k.generation == generation) return k.version;
        long version = jdbi.withHandle(h -> h.createQuery("SELECT version FROM data_version WHERE id = 1")
                .mapTo(Long.class).one());
        known = new Known(generation, version);
        return version;
    }

    /** Call inside the transaction that changes data, so the new version commits with it. */
    public static void bump(Handle handle) {
        handle.createUpdate("UPDATE data_version SET version = version + 1 WHERE id = 1").execute();
        CommitSignal signal = handle.getConfig(CommitSignal.class);
        if (handle.isInTransaction()) {
            handle.afterCommit(signal::committed);
        } else {
            signal.committed();
        }
    }

    private record Known(long generation, long version) {}

    /**
     * Counts commits that changed the version and runs what must follow each (e.g. WAL upkeep);
     * copies of the config share one counter and one list.
     */
    public static final class CommitSignal implements JdbiConfig<CommitSignal> {
        private final AtomicLong generation;
        private final List<Runnable> afterEachCommit;

        public CommitSignal() {
            this(new AtomicLong(), new CopyOnWriteArrayList<>());
        }

        private CommitSignal(AtomicLong generation, List<Runnable> afterEachCommit) {
            this.generation = generation;
            this.afterEachCommit = afterEachCommit;
        }

        public void afterEachCommit(Runnable action) {
            afterEachCommit.add(action);
        }

        void committed() {
            generation.incrementAndGet();
            afterEachCommit.forEach(Runnable::run);
        }

        @Override
        public CommitSignal createCopy() {
            return new CommitSignal(generation, afterEachCommit);
        }
    }
}
