package cn.jinjiang.aitraining;

import cn.jinjiang.aitraining.ops.OpsOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How the server was started. {@code trustedProxies}: the addresses whose X-Forwarded-* headers are
 * believed when {@code behindProxy}; empty means the loopback addresses. {@code ops}: metrics and
 * access log. {@code embedOrigins}: the sites (scheme, host, optional port) whose pages may frame a
 * chart's embed page; empty means none.
 */
public record AppConfig(String host, int port, Path db, boolean behindProxy, List<String> trustedProxies, OpsOptions ops,
                        List<String> embedOrigins) {
    public static final String DEFAULT_DB = "data/dashboard.db";
    /** An origin as CSP's frame-ancestors takes it: no path, no wildcard, nothing that could end the directive. */
    private static final Pattern ORIGIN = Pattern.compile("https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?");

    public AppConfig {
        trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
        if (ops == null) ops = OpsOptions.NONE;
        embedOrigins = embedOrigins == null ? List.of() : embedOrigins.stream().map(String::strip)
                .filter(o -> !o.isEmpty()).map(o -> o.endsWith("/") ? o.substring(0, o.length() - 1) : o).toList();
        for (String origin : embedOrigins) {
            if (!ORIGIN.matcher(origin).matches()) {
                throw new IllegalArgumentException("--embed-origins: not an origin (https://host or https://host:port): " + origin);
            }
        }
    }

    public AppConfig(String host, int port, Path db, boolean behindProxy, List<String> trustedProxies, OpsOptions ops) {
        this(host, port, db, behindProxy, trustedProxies, ops, List.of());
    }

    public AppConfig(String host, int port, Path db, boolean behindProxy, List<String> trustedProxies,
                     List<String> embedOrigins) {
        this(host, port, db, behindProxy, trustedProxies, OpsOptions.NONE, embedOrigins);
    }

    public AppConfig(String host, int port, Path db, boolean behindProxy, List<String> trustedProxies) {
        this(host, port, db, behindProxy, trustedProxies, OpsOptions.NONE, List.of());
    }

    public AppConfig(String host, int port, Path db, boolean behindProxy) {
        this(host, port, db, behindProxy, List.of());
    }
}
