package cn.jinjiang.aitraining.db;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.config.JdbiConfig;

/**
 * A counter bumped by every change to the data; pages derive their ETag from it.
 *
 * <p>Every public request asks for the version, so it is kept in memory and re-read from the
 * database only after a transaction of this process that bumped it has committed, or when
 * {@link #refresh()} finds it changed: another server process on the same database committed. The
 * server calls {@code refresh} a few times a second (ops/VersionPoller), never per request. The
 * commit signal lives in the Jdbi instance's configuration (not in a static field), so each database
 * has its own.
 *
 * <p>The same reads tell whether the database answers: {@link #reachable()} is false after a
 * refresh failed, or while one has been waiting longer than {@link #HUNG_AFTER_NANOS} (a pool
 * waiting for a connection that does not come) although the pool is not simply busy, until a refresh
 * succeeds again.
 */
public final class DataVersion {
    /**
     * A refresh waiting this long means the database is not answering. One primary-key read takes a
     * millisecond; the margin is for a machine so loaded that the poll thread waits seconds for a core
     * (measured: stalls over 5 s at a load average of 58 on 2 cores), which must not read as an outage.
     */
    static final long HUNG_AFTER_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final Jdbi jdbi;
    private final CommitSignal signal;
    private volatile Known known = new Known(-1, -1);
    /** System.nanoTime() when the refresh in progress began; 0 when none is. */
    private volatile long refreshStarted;
    private volatile boolean lastRefreshFailed;
    private volatile BooleanSupplier poolBusy = () -> false;

    public DataVersion(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.signal = jdbi.getConfig(CommitSignal.class);
    }

    public long current() {
        long generation = signal.generation.get();
        Known k = known;
        if (k.generation == generation) return k.version;
        return learn(generation, read());
    }

    /**
     * Reads the version once (one primary-key read) and remembers it; returns the version read. A
     * failure marks the database unreachable and is rethrown.
     */
    public long refresh() {
        long generation = signal.generation.get();
        refreshStarted = Math.max(1, System.nanoTime());
        try {
            long version = read();
            lastRefreshFailed = false;
            return learn(generation, version);
        } catch (RuntimeException e) {
            lastRefreshFailed = true;
            throw e;
        } finally {
            refreshStarted = 0;
        }
    }

    /** False while the database does not answer (see the class comment); true before any refresh. */
    public boolean reachable() {
        if (lastRefreshFailed) return false;
        long started = refreshStarted;
        return started == 0 || System.nanoTime() - started < HUNG_AFTER_NANOS || poolBusy.getAsBoolean();
    }

    /**
     * A refresh that waits while every pooled connection is in use by requests is waiting its turn,
     * not for a dead database (slow pages on a loaded machine exhaust the pool): it counts as an
     * outage only when it finally fails.
     */
    public void excuseSlowRefreshesWhile(BooleanSupplier poolBusy) {
        this.poolBusy = poolBusy;
    }

    /** The version last read, without asking the database; -1 before the first read. */
    public long lastKnown() {
        return known.version;
    }

    private long read() {
        return jdbi.withHandle(h -> h.createQuery("SELECT version FROM data_version WHERE id = 1")
                .mapTo(Long.class).one());
    }

    /**
     * Keeps a version read after {@code generation} commits of this process. Two reads racing at one
     * generation keep the larger: versions only grow, and an older read finishing later must not
     * take the cache back.
     */
    private synchronized long learn(long generation, long version) {
        Known k = known;
        if (generation < k.generation || (generation == k.generation && version <= k.version)) return k.version;
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
