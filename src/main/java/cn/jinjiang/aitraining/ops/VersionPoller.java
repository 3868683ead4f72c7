package cn.jinjiang.aitraining.ops;

import cn.jinjiang.aitraining.db.DataVersion;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-reads the data version every {@link #INTERVAL} (one primary-key read), so a change committed by
 * another server process on the same database reaches this one's pages and ETags within that time
 * plus one read — never a query per request. The same reads notice the database going away and
 * coming back; the change is logged once each way.
 */
final class VersionPoller implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(VersionPoller.class);
    static final Duration INTERVAL = Duration.ofMillis(250);

    private final DataVersion version;
    private final Metrics metrics;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "data-version-poll");
        t.setDaemon(true);
        return t;
    });
    private boolean answering = true;

    /** {@code metrics} may be null (no --metrics-port). */
    VersionPoller(DataVersion version, Metrics metrics) {
        this.version = version;
        this.metrics = metrics;
    }

    void start() {
        poll(); // before the first request, so /healthz tells the truth from the start
        timer.scheduleWithFixedDelay(this::poll, INTERVAL.toMillis(), INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Runs on the timer's one thread only. Never throws: a throw would end the schedule. */
    private void poll() {
        long started = System.nanoTime();
        try {
            version.refresh();
            if (!answering) LOG.info("The database answers again; changes are accepted and pages are fresh");
            answering = true;
        } catch (RuntimeException e) {
            if (answering) {
                LOG.warn("The database does not answer ({}): pages kept in memory are served marked stale,"
                        + " changes are refused with 503 until it answers", e.getMessage());
            }
            answering = false;
        } finally {
            if (metrics != null) metrics.recordPoll(System.nanoTime() - started);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
