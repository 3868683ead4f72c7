package cn.jinjiang.aitraining;

import java.nio.file.Path;

/** How the server was started. */
public record AppConfig(String host, int port, Path db, boolean behindProxy) {
    public static final String DEFAULT_DB = "data/dashboard.db";
}
