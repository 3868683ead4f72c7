package cn.jinjiang.aitraining;

import cn.jinjiang.aitraining.db.SqliteNativeLibrary;
import org.slf4j.LoggerFactory;

/**
 * A server start does its work in order on one thread, and most of it is first-time work: loading
 * a native library, libraries setting themselves up. So the moment the server's arguments are read,
 * a second thread does the set-up that depends on nothing of ours, while the main thread opens the
 * database: on two cores the two overlap instead of following each other (measured in the README,
 * "Start-up"). Each step is something the main thread does anyway a moment later; whichever thread
 * comes first does it and the other finds it done, so nothing here changes what the server does.
 * A step that fails here is left for the main thread to meet and report.
 */
final class EarlyLoading {
    private EarlyLoading() {}

    /** Starts the second thread; {@code sqlite}: the database is an SQLite file, so its native library is needed. */
    static void begin(boolean sqlite) {
        Thread thread = new Thread(() -> {
            // The logger's set-up reads its configuration, a date format, the time zones.
            LoggerFactory.getILoggerFactory();
            quietly(() -> {
                if (!sqlite) return;
                SqliteNativeLibrary.prepare();
                org.sqlite.SQLiteJDBCLoader.initialize();
            });
            // Jdbi asks the flight recorder whether it is there (it starts up the recorder's event set-up).
            quietly(() -> Class.forName("org.jdbi.v3.core.statement.internal.JfrSupport"));
            quietly(() -> Class.forName("org.eclipse.jetty.http.MimeTypes"));
            quietly(() -> new org.thymeleaf.TemplateEngine().getConfiguration());
        }, "early-loading");
        thread.setDaemon(true);
        thread.start();
    }

    private interface Step {
        void run() throws Exception;
    }

    private static void quietly(Step step) {
        try {
            step.run();
        } catch (Exception | LinkageError e) {
            // the main thread meets the same failure where it reports it
        }
    }
}
