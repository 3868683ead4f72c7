package cn.jinjiang.aitraining.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Slows password guessing. Every attempt is counted in the database <em>before</em> its password is
 * hashed, in one write transaction, so attempts sent all at once are counted one after another
 * and several server processes share the counts. Within any 15 minutes:
 * <ul>
 *   <li>a user name from one address gets {@value #PAIR_LIMIT} attempts (the hard block);</li>
 *   <li>one address gets {@value #ADDRESS_LIMIT} attempts over all names (no spraying of names);</li>
 *   <li>a user name over all addresses gets {@value #NAME_SOFT_LIMIT} attempts freely; after that each
 *       further attempt must wait after the previous one, 1 s, then 2, 4, 8 … at most
 *       {@code MAX_NAME_DELAY}: guessing one name from many addresses stays slow, but an attacker
 *       elsewhere can only make the office wait seconds, never lock it out.</li>
 * </ul>
 * A successful sign-in clears its own name and address pair.
 */
public final class LoginThrottle {
    public static final int PAIR_LIMIT = 5;
    public static final int ADDRESS_LIMIT = 10;
    public static final int NAME_SOFT_LIMIT = 20;
    public static final Duration WINDOW = Duration.ofMinutes(15);
    public static final Duration MAX_NAME_DELAY = Duration.ofSeconds(30);

    private final Jdbi jdbi;
    private final Clock clock;

    public LoginThrottle(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Whether an attempt may be checked now; when not, how long until it may. */
    public record Decision(boolean allowed, Duration retryAfter) {
        static Decision allow() { return new Decision(true, Duration.ZERO); }
        static Decision refuse(long waitMs) { return new Decision(false, Duration.ofMillis(Math.max(1000, waitMs))); }
    }

    /** Counts the attempt if the limits allow it; the caller checks the password only when allowed. */
    public Decision admit(String username, String address) {
        String name = normalize(username);
        String from = address == null ? "" : truncate(address, 64);
        long now = clock.millis();
        long since = now - WINDOW.toMillis();
        return jdbi.inTransaction(h -> {
            Optional<Long> pairOldest = oldestIfAtLeast(h, """
                    SELECT attempted_ms FROM login_attempt
                     WHERE username = :name AND address = :address AND attempted_ms > :since
                     ORDER BY attempted_ms DESC LIMIT 1 OFFSET :n""", Map.of("name", name, "address", from), since, PAIR_LIMIT);
            if (pairOldest.isPresent()) return Decision.refuse(pairOldest.get() + WINDOW.toMillis() - now);
            Optional<Long> addressOldest = oldestIfAtLeast(h, """
                    SELECT attempted_ms FROM login_attempt
                     WHERE address = :address AND attempted_ms > :since
                     ORDER BY attempted_ms DESC LIMIT 1 OFFSET :n""", Map.of("address", from), since, ADDRESS_LIMIT);
            if (addressOldest.isPresent()) return Decision.refuse(addressOldest.get() + WINDOW.toMillis() - now);
            var byName = h.createQuery("""
                            SELECT COUNT(*) AS n, MAX(attempted_ms) AS latest FROM login_attempt
                             WHERE username = :name AND attempted_ms > :since""")
                    .bind("name", name).bind("since", since)
                    .map((rs, ctx) -> new long[] {rs.getLong("n"), rs.getLong("latest")}).one();
            long delay = nameDelay(byName[0]);
            if (delay > 0 && now < byName[1] + delay) return Decision.refuse(byName[1] + delay - now);
            h.createUpdate("INSERT INTO login_attempt (username, address, attempted_ms) VALUES (:name, :address, :now)")
                    .bind("name", name).bind("address", from).bind("now", now).execute();
            h.createUpdate("DELETE FROM login_attempt WHERE attempted_ms <= :since").bind("since", since).execute();
            return Decision.allow();
        });
    }

    /** A successful sign-in forgets the attempts of its name from its address. */
    public void recordSuccess(String username, String address) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM login_attempt WHERE username = :name AND address = :address")
                .bind("name", normalize(username)).bind("address", address == null ? "" : truncate(address, 64))
                .execute());
    }

    /** The wait required after the previous attempt for a name that already had {@code attempts}. */
    static long nameDelay(long attempts) {
        if (attempts < NAME_SOFT_LIMIT) return 0;
        long exponent = Math.min(attempts - NAME_SOFT_LIMIT, 20);
        return Math.min(1000L << exponent, MAX_NAME_DELAY.toMillis());
    }

    /** The time of the n-th most recent matching attempt (counting from 0), i.e. present when there are more than n. */
    private static Optional<Long> oldestIfAtLeast(Handle h, String sql, Map<String, String> keys, long since, int limit) {
        return h.createQuery(sql).bindMap(keys).bind("since", since)
                .bind("n", limit - 1).mapTo(Long.class).findOne();
    }

    private static String normalize(String username) {
        return truncate(username == null ? "" : username.trim().toLowerCase(Locale.ROOT), 60);
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
