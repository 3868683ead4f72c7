package cn.jinjiang.aitraining.admin.extract;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The one-time tokens of extract reviews (table {@code review_submission}, migration V12): each
 * review form carries a fresh one, and saving claims it in the same transaction as the changes.
 * Kept in the database so every server process sees a claim. SQL only; runs on the caller's handle.
 */
final class ReviewSubmissions {
    /** A token is 128 random bits in hex. */
    static final String TOKEN_PATTERN = "[0-9a-f]{32}";
    /** Saved reviews are remembered this long: far longer than anyone keeps a form open. */
    static final Duration KEPT = Duration.ofDays(30);

    private final SecureRandom random = new SecureRandom();

    /** What one saved review wrote, by key, in the order it saved them. */
    record Saved(String token, String username, long savedMs, List<String> reported, List<String> created,
                 List<String> events) {}

    String newToken() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    static boolean wellFormed(String token) {
        return token != null && token.matches(TOKEN_PATTERN);
    }

    /**
     * Claims {@code token} for a save starting now; false when a save already claimed it. Also
     * forgets reviews saved more than {@link #KEPT} ago. Under PostgreSQL a concurrent claim of the
     * same token waits for the first transaction and then finds it taken (or free, if it rolled back).
     */
    boolean claim(Handle h, String token, String username, long nowMs) {
        h.createUpdate("DELETE FROM review_submission WHERE saved_ms < :cutoff")
                .bind("cutoff", nowMs - KEPT.toMillis()).execute();
        return h.createUpdate("""
                        INSERT INTO review_submission (token, username, saved_ms, reported_keys, created_keys, event_keys)
                        VALUES (:token, :username, :now, '', '', '')
                        ON CONFLICT (token) DO NOTHING""")
                .bind("token", token).bind("username", username).bind("now", nowMs)
                .execute() == 1;
    }

    /** Records what the save that claimed {@code token} wrote (same transaction). */
    void record(Handle h, String token, List<String> reported, List<String> created, List<String> events) {
        h.createUpdate("""
                        UPDATE review_submission SET reported_keys = :reported, created_keys = :created, event_keys = :events
                         WHERE token = :token""")
                .bind("reported", String.join(",", reported)).bind("created", String.join(",", created))
                .bind("events", String.join(",", events)).bind("token", token)
                .execute();
    }

    Optional<Saved> find(Handle h, String token) {
        return h.createQuery("""
                        SELECT token, username, saved_ms, reported_keys, created_keys, event_keys
                          FROM review_submission WHERE token = :token""")
                .bind("token", token)
                .map((rs, ctx) -> new Saved(rs.getString("token"), rs.getString("username"), rs.getLong("saved_ms"),
                        keys(rs.getString("reported_keys")), keys(rs.getString("created_keys")),
                        keys(rs.getString("event_keys"))))
                .findOne();
    }

    private static List<String> keys(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }
}
