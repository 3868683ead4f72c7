package cn.jinjiang.aitraining;

import java.nio.file.Path;
import java.util.List;

/**
 * How the server was started. {@code trustedProxies}: the addresses whose X-Forwarded-* headers are
 * believed when {@code behindProxy}; empty means the loopback addresses.
 */
public record AppConfig(String host, int port, Path db, boolean behindProxy, List<String> trustedProxies) {
    public static final String DEFAULT_DB = "data/dashboard.db";

    public AppConfig {
        trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
    }

    public AppConfig(String host, int port, Path db, boolean behindProxy) {
        this(host, port, db, behindProxy, List.of());
    }
}
