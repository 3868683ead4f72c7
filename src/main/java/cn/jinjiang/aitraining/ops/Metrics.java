package cn.jinjiang.aitraining.ops;

import cn.jinjiang.aitraining.db.DataVersion;
import cn.jinjiang.aitraining.web.HttpCache;
import cn.jinjiang.aitraining.web.RequestObserver;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The server's Micrometer registry, rendered in Prometheus text format: requests by route pattern,
 * method and status with latency histograms ({@code http_server_requests_seconds}), the rendered
 * cache's hits, misses and stale answers ({@code dashboard_cache_requests_total}), the connection
 * pool (HikariCP's own tracker: {@code hikaricp_connections_active}, {@code _pending},
 * {@code hikaricp_connections_acquire_seconds} …), the data version and whether the database answers,
 * the version poll's duration, and the JVM (memory, GC, threads, classes, CPU, uptime).
 */
public final class Metrics implements Consumer<RequestObserver.Outcome>, AutoCloseable {
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS");

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final Meter.MeterProvider<Timer> requests;
    private final Timer versionPolls;

    public Metrics(DataVersion version, HttpCache cache, HikariDataSource pool) {
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        requests = Timer.builder("http.server.requests")
                .description("HTTP requests by route pattern, method and status")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .withRegistry(registry);
        cacheCounter(cache, "hit", HttpCache::hitCount);
        cacheCounter(cache, "miss", HttpCache::missCount);
        cacheCounter(cache, "stale", HttpCache::staleCount);
        cacheCounter(cache, "restored", HttpCache::restoredCount);
        Gauge.builder("dashboard.data.version", version, DataVersion::lastKnown)
                .description("The data version this server serves (the same on every server once polled)")
                .register(registry);
        Gauge.builder("dashboard.database.reachable", version, v -> v.reachable() ? 1 : 0)
                .description("1 while the database answers, 0 while pages are served stale")
                .register(registry);
        versionPolls = Timer.builder("dashboard.data.version.poll")
                .description("One read of the data version (how other servers' changes are noticed)")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofNanos(100_000))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
        pool.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
    }

    private void cacheCounter(HttpCache cache, String result, java.util.function.ToDoubleFunction<HttpCache> count) {
        FunctionCounter.builder("dashboard.cache.requests", cache, count)
                .description("Cacheable answers: hit (kept bytes), miss (rendered), stale (kept bytes while the database is away), restored (bytes an earlier process rendered, from the database)")
                .tag("result", result)
                .register(registry);
    }

    @Override
    public void accept(RequestObserver.Outcome o) {
        String method = METHODS.contains(o.method()) ? o.method() : "OTHER";
        requests.withTags("method", method, "route", o.route(), "status", Integer.toString(o.status()))
                .record(o.nanos(), TimeUnit.NANOSECONDS);
    }

    void recordPoll(long nanos) {
        versionPolls.record(nanos, TimeUnit.NANOSECONDS);
    }

    /** The Prometheus text exposition of every meter. */
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
