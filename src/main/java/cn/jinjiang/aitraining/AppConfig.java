package cn.jinjiang.aitraining;

import cn.jinjiang.aitraining.ops.OpsOptions;
import java.nio.file.Path;
import java.util.List;

/**
 * How the server was started. {@code trustedProxies}: the addresses whose X-Forwarded-* headers are
 * believed when {@code behindProxy}; empty means the loopback addresses. {@code ops}: metrics and access log.
 */
public record AppConfig(String host, int port, Path db, boolean behindProxy, List<String> trustedProxies, OpsOptions ops) {
    public static final String DEFAULT_DB = "data/dashboard.db";

    public AppConfig {
        trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
        if (ops == null) ops = OpsOptions.NONE;
    }

    public AppConfig(String host, int port, Path db, boolean behindProxy, List<String> trustedProxies) {
        this(host, port, db, behindProxy, trustedProxies, OpsOptions.NONE);
    }

    public AppConfig(String host, int port, Path db, boolean behindProxy) {
        this(host, port, db, behindProxy, List.of());
    }
}
