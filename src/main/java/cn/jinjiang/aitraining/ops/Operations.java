package cn.jinjiang.aitraining.ops;

import cn.jinjiang.aitraining.db.DataVersion;
import cn.jinjiang.aitraining.web.HttpCache;
import cn.jinjiang.aitraining.web.RequestObserver;
import com.zaxxer.hikari.HikariDataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a running server does for its operators, started and stopped with the web server: the data
 * version poll (freshness across server processes, and noticing the database going away), and, when
 * asked for, the metrics endpoint and the access log.
 */
public final class Operations {
    private static final Logger LOG = LoggerFactory.getLogger(Operations.class);

    private final OpsOptions options;
    private final VersionPoller poller;
    private final Metrics metrics;
    private final AccessLog accessLog;
    private MetricsServer metricsServer;

    private Operations(OpsOptions options, VersionPoller poller, Metrics metrics, AccessLog accessLog) {
        this.options = options;
        this.poller = poller;
        this.metrics = metrics;
        this.accessLog = accessLog;
    }

    /** Opens the access log now, so a file that cannot be written stops the start-up with its reason. */
    public static Operations create(OpsOptions options, DataVersion version, HikariDataSource pool, HttpCache cache) {
        OpsOptions o = options == null ? OpsOptions.NONE : options;
        version.excuseSlowRefreshesWhile(() -> {
            var state = pool.getHikariPoolMXBean();
            return state != null && state.getActiveConnections() >= pool.getMaximumPoolSize();
        });
        Metrics metrics = o.metricsPort() == null ? null : new Metrics(version, cache, pool);
        AccessLog accessLog = o.accessLog() == null ? null : AccessLog.open(o.accessLog());
        return new Operations(o, new VersionPoller(version, metrics), metrics, accessLog);
    }

    /** Told about every completed request: the access log, then the metrics. */
    public List<Consumer<RequestObserver.Outcome>> requestListeners() {
        List<Consumer<RequestObserver.Outcome>> listeners = new ArrayList<>();
        if (accessLog != null) listeners.add(accessLog);
        if (metrics != null) listeners.add(metrics);
        return listeners;
    }

    public synchronized void start() {
        poller.start();
        if (metrics != null && metricsServer == null) {
            metricsServer = new MetricsServer(options.metricsHost(), options.metricsPort(), metrics);
            LOG.info("Metrics at http://{}:{}/metrics", options.metricsHost(), metricsServer.port());
        }
    }

    public synchronized void stop() {
        poller.close();
        if (metricsServer != null) metricsServer.close();
        metricsServer = null;
        if (metrics != null) metrics.close();
        if (accessLog != null) accessLog.close();
    }
}
