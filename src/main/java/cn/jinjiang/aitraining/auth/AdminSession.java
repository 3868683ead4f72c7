package cn.jinjiang.aitraining.auth;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One browser's session: before login it only carries the CSRF token of the login form; after
 * login it names the admin. Small server-side state (a flash message, pending imports) rides along.
 */
public final class AdminSession {
    private final String id;
    private final String username;
    private final String csrfToken;
    private final Instant createdAt;
    private volatile Instant lastSeen;
    private Flash flash;
    // Few, and dropped with the session; insertion order lets us evict the oldest.
    private final Map<String, Object> pending = new LinkedHashMap<>();

    AdminSession(String id, String username, String csrfToken, Instant createdAt) {
        this.id = id;
        this.username = username;
        this.csrfToken = csrfToken;
        this.createdAt = createdAt;
        this.lastSeen = createdAt;
    }

    public String id() { return id; }
    /** The signed-in admin, or null for a pre-login session. */
    public String username() { return username; }
    public boolean isAuthenticated() { return username != null; }
    public String csrfToken() { return csrfToken; }
    Instant createdAt() { return createdAt; }
    Instant lastSeen() { return lastSeen; }
    void touch(Instant now) { lastSeen = now; }

    /** A message for the next page (post/redirect/get). */
    public record Flash(String key, boolean error, Object[] args) {}

    public synchronized void flash(String key, boolean error, Object... args) { flash = new Flash(key, error, args); }

    public synchronized Flash takeFlash() {
        Flash f = flash;
        flash = null;
        return f;
    }

    /** Keeps something for a later request of this session, e.g. a parsed import awaiting confirmation. */
    public synchronized void put(String key, Object value) {
        pending.remove(key);
        pending.put(key, value);
        while (pending.size() > 5) pending.remove(pending.keySet().iterator().next());
    }

    @SuppressWarnings("unchecked")
    public synchronized <T> T get(String key, Class<T> type) {
        Object value = pending.get(key);
        return type.isInstance(value) ? (T) value : null;
    }

    public synchronized void remove(String key) { pending.remove(key); }
}
