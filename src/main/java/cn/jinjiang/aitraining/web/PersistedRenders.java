package cn.jinjiang.aitraining.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32C;
import org.jdbi.v3.core.Jdbi;

/**
 * Rendered representations kept in the database (table {@code rendered_page}, V13), so that a
 * restarted server answers its first requests from the bytes its predecessor rendered instead of
 * rendering on a cold JVM, where the dashboard costs the better part of a second; and so that
 * several server processes on one database render each page once between them.
 *
 * <p>A row is only ever used by the same build (templates, messages and code are in the jar) with
 * the same render-relevant settings, at the same data version; the key also carries the language,
 * origin and representation, exactly as {@link HttpCache} keys its memory. Data changed by hand in
 * SQL, outside the program, must bump {@code data_version} (as running servers need anyway).
 *
 * <p>It is a cache and nothing else: saving happens on one background thread after the response was
 * sent, is dropped when that thread is behind or the database is busy, and a failed read is a miss.
 */
public final class PersistedRenders implements AutoCloseable {
    /** Keeps nothing: for tests and tools that have no database to keep renders in. */
    public static final PersistedRenders NONE = new PersistedRenders(null, "");

    /** Rows kept at most (of the current data version: older ones are deleted on each save). */
    static final int MAX_ROWS = 256;
    /** Bytes kept at most, plain and gzipped bodies together. */
    static final long MAX_BYTES = 32L << 20;
    private static final int QUEUE = 64;

    private final Jdbi jdbi;
    private final String scope;
    private final ThreadPoolExecutor saver;

    /**
     * @param scope what besides the data decides the bytes: the build and render-relevant settings;
     *              see {@link #scope(String...)}
     */
    public PersistedRenders(Jdbi jdbi, String scope) {
        this.jdbi = jdbi;
        this.scope = scope;
        this.saver = jdbi == null ? null : new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(QUEUE), r -> {
                    Thread thread = new Thread(r, "persisted-renders");
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.DiscardPolicy());
    }

    /** This build's identity and the given settings, as one short string. */
    public static String scope(String... settings) {
        CRC32C crc = new CRC32C();
        for (String s : settings) {
            crc.update(s.getBytes(StandardCharsets.UTF_8));
            crc.update(0);
        }
        return BUILD_ID + "/" + Long.toHexString(crc.getValue());
    }

    /**
     * Names this build: written into {@code build.properties} by Maven at each build. A class folder
     * without it (a run from an IDE that does not filter resources) gets a name of its own per
     * process, so it never reads another's rows.
     */
    static final String BUILD_ID = readBuildId();

    private static String readBuildId() {
        try (InputStream in = PersistedRenders.class.getClassLoader().getResourceAsStream("build.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String id = p.getProperty("build.id", "");
                if (!id.isBlank() && !id.startsWith("${")) return id;
            }
        } catch (IOException unreadable) {
            // fall through: a name of this process's own
        }
        return "run-" + UUID.randomUUID();
    }

    /** The bytes kept for this key at this data version, or null. */
    HttpCache.Cached load(String key, long dataVersion) {
        if (jdbi == null) return null;
        try {
            return jdbi.withHandle(h -> h.createQuery("""
                            SELECT plain_body, gzip_body FROM rendered_page
                             WHERE cache_key = :key AND data_version = :version""")
                    .bind("key", scope + " " + key)
                    .bind("version", dataVersion)
                    .map((rs, ctx) -> new HttpCache.Cached(rs.getBytes(1), rs.getBytes(2)))
                    .findOne().orElse(null));
        } catch (RuntimeException unavailable) {
            return null; // a cache: the page is rendered instead
        }
    }

    /** Keeps these bytes for the next process, in the background; dropped when that falls behind. */
    void save(String key, long dataVersion, HttpCache.Cached body) {
        if (saver == null) return;
        try {
            saver.execute(() -> saveNow(scope + " " + key, dataVersion, body));
        } catch (RejectedExecutionException closed) {
            // shutting down
        }
    }

    private void saveNow(String key, long dataVersion, HttpCache.Cached body) {
        try {
            jdbi.useTransaction(h -> {
                h.createUpdate("DELETE FROM rendered_page WHERE data_version < :version")
                        .bind("version", dataVersion).execute();
                var kept = h.createQuery("""
                                SELECT COUNT(*) AS n_rows,
                                       COALESCE(SUM(COALESCE(LENGTH(plain_body), 0) + COALESCE(LENGTH(gzip_body), 0)), 0) AS n_bytes
                                  FROM rendered_page""")
                        .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)}).one();
                if (kept[0] >= MAX_ROWS || kept[1] + body.size() > MAX_BYTES) return;
                // A process still on an older data version must not replace a newer row.
                h.createUpdate("""
                                INSERT INTO rendered_page (cache_key, data_version, plain_body, gzip_body)
                                VALUES (:key, :version, :plain, :gzip)
                                ON CONFLICT (cache_key) DO UPDATE
                                   SET data_version = excluded.data_version,
                                       plain_body = excluded.plain_body,
                                       gzip_body = excluded.gzip_body
                                 WHERE rendered_page.data_version < excluded.data_version""")
                        .bind("key", key)
                        .bind("version", dataVersion)
                        .bind("plain", body.plain())
                        .bind("gzip", body.gzip())
                        .execute();
            });
        } catch (RuntimeException busyOrClosed) {
            // a cache: the next process renders this page itself
        }
    }

    /** Waits briefly for saves in progress (so a stop right after a render still keeps it), then stops. */
    @Override
    public void close() {
        if (saver == null) return;
        saver.shutdown();
        try {
            saver.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
