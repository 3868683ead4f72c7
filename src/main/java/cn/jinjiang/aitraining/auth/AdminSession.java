package cn.jinjiang.aitraining.auth;

import java.time.Instant;

/**
 * One signed-in browser, as read from the database for this request. The flash message is kept
 * in the database with the session; other things a later request needs (a parsed import awaiting
 * confirmation) are kept by this process only, see {@link SessionStore#put}.
 */
public final class AdminSession {
    private final SessionStore store;
    private final String idHash;
    private final String username;
    private final Role role;
    private final boolean mustChangePassword;
    private final String csrfToken;
    private final Instant createdAt;
    private final Instant lastSeen;

    AdminSession(SessionStore store, String idHash, String username, Role role, boolean mustChangePassword,
                 String csrfToken, Instant createdAt, Instant lastSeen) {
        this.store = store;
        this.idHash = idHash;
        this.username = username;
        this.role = role;
        this.mustChangePassword = mustChangePassword;
        this.csrfToken = csrfToken;
        this.createdAt = createdAt;
        this.lastSeen = lastSeen;
    }

    /** The SHA-256 of the cookie's value: the session's name in the database. */
    String idHash() { return idHash; }
    /** The signed-in admin. */
    public String username() { return username; }
    public boolean isAuthenticated() { return username != null; }
    /** What the signed-in account may do, as read with the session (a role change applies at the next request). */
    public Role role() { return role; }
    /**
     * The account signed in with a one-time password (the first start's, or one an admin reset):
     * nothing but the account page works until it is changed.
     */
    public boolean mustChangePassword() { return mustChangePassword; }
    public String csrfToken() { return csrfToken; }
    Instant createdAt() { return createdAt; }
    Instant lastSeen() { return lastSeen; }

    /** A message for the next page (post/redirect/get). */
    public record Flash(String key, boolean error, Object[] args) {}

    public void flash(String key, boolean error, Object... args) { store.flash(this, new Flash(key, error, args)); }

    public Flash takeFlash() { return store.takeFlash(this); }

    /** Keeps something for a later request of this session, e.g. a parsed import awaiting confirmation. */
    public void put(String key, Object value) { store.put(this, key, value); }

    public <T> T get(String key, Class<T> type) { return store.get(this, key, type); }

    public void remove(String key) { store.remove(this, key); }
}
