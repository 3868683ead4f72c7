package cn.jinjiang.aitraining.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sessions in memory, keyed by 256-bit random ids. A session ends after 30 minutes without a
 * request or 12 hours after it began, whichever comes first. Logging in always issues a new id, so
 * an id planted before login (session fixation) is worth nothing.
 */
public final class SessionStore {
    public static final Duration IDLE = Duration.ofMinutes(30);
    public static final Duration ABSOLUTE = Duration.ofHours(12);
    /** Anonymous sessions are cheap to create; past this many, expired ones are swept out. */
    private static final int SWEEP_ABOVE = 1_000;
    private static final int HARD_LIMIT = 20_000;

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, AdminSession> sessions = new ConcurrentHashMap<>();

    public SessionStore(Clock clock) {
        this.clock = clock;
    }

    /** The live session with this id, refreshed; expired sessions are removed and not returned. */
    public Optional<AdminSession> find(String id) {
        if (id == null) return Optional.empty();
        AdminSession session = sessions.get(id);
        if (session == null) return Optional.empty();
        Instant now = clock.instant();
        if (expired(session, now)) {
            sessions.remove(id);
            return Optional.empty();
        }
        session.touch(now);
        return Optional.of(session);
    }

    /** A pre-login session, carrying only the CSRF token of the login form. */
    public AdminSession startAnonymous() {
        return start(null);
    }

    /** Ends the previous session (if any) and starts a new one for the admin. */
    public AdminSession login(String previousId, String username) {
        if (previousId != null) sessions.remove(previousId);
        return start(username);
    }

    public void end(String id) {
        if (id != null) sessions.remove(id);
    }

    private AdminSession start(String username) {
        if (sessions.size() > SWEEP_ABOVE) sweep();
        if (sessions.size() > HARD_LIMIT) {
            // Under a flood of anonymous sessions, drop those rather than grow without bound.
            sessions.values().removeIf(s -> !s.isAuthenticated());
        }
        AdminSession session = new AdminSession(token(), username, token(), clock.instant());
        sessions.put(session.id(), session);
        return session;
    }

    private void sweep() {
        Instant now = clock.instant();
        sessions.values().removeIf(s -> expired(s, now));
    }

    private static boolean expired(AdminSession s, Instant now) {
        return !now.isBefore(s.lastSeen().plus(IDLE)) || !now.isBefore(s.createdAt().plus(ABSOLUTE));
    }

    private String token() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
