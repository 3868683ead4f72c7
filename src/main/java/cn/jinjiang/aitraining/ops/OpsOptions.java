package cn.jinjiang.aitraining.ops;

/**
 * What the operator asked for: a Prometheus endpoint on {@code metricsHost:metricsPort} (off when
 * the port is null), and an access log ({@code accessLog}: a file to append to, {@code -} for
 * standard output, null for none).
 */
public record OpsOptions(String metricsHost, Integer metricsPort, String accessLog) {
    public static final String DEFAULT_METRICS_HOST = "127.0.0.1";
    public static final String STANDARD_OUTPUT = "-";
    public static final OpsOptions NONE = new OpsOptions(DEFAULT_METRICS_HOST, null, null);

    public OpsOptions {
        if (metricsHost == null || metricsHost.isBlank()) metricsHost = DEFAULT_METRICS_HOST;
        if (metricsPort != null && (metricsPort < 0 || metricsPort > 65535)) {
            throw new IllegalArgumentException("--metrics-port must be between 0 and 65535, not " + metricsPort);
        }
    }
}
