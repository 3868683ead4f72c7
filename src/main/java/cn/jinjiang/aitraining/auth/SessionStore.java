package cn.jinjiang.aitraining.auth;

import cn.jinjiang.aitraining.web.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Signed-in sessions, kept in the database so a restart keeps everybody signed in and several
 * server processes share them. The browser holds a 256-bit random id; the database holds only its
 * SHA-256. A session ends after 30 minutes without a request or 12 hours after it began, whichever
 * comes first; expired rows are deleted when met, at every sign-in and when an account page lists
 * its sessions. Signing in always makes a new id, so an id planted before (session fixation) is
 * worth nothing.
 */
public final class SessionStore {
    public static final Duration IDLE = Duration.ofMinutes(30);
    public static final Duration ABSOLUTE = Duration.ofHours(12);
    /** Requests closer together than this do not rewrite the last-seen time (one write, not one per request). */
    private static final Duration TOUCH_EVERY = Duration.ofSeconds(15);
    private static final int MAX_KEPT_PER_SESSION = 5;

    private final Jdbi jdbi;
    private final SessionDao dao;
    private final SessionItemDao items;
    private final Clock clock;
    /**
     * Flashes, and what a session keeps (parsed imports awaiting confirmation) as JSON, by their
     * record components; properties derived from them (isMoney()) are written and ignored on reading.
     */
    private final Json json;
    private final SecureRandom random = new SecureRandom();

    public SessionStore(Jdbi jdbi, Clock clock, Json json) {
        this.jdbi = jdbi;
        this.dao = new SessionDao(jdbi);
        this.items = new SessionItemDao(jdbi);
        this.clock = clock;
        this.json = json;
    }

    /** A new session: the value for the browser's cookie, and the session. */
    public record Started(String cookieValue, AdminSession session) {}

    /** The live session named by this cookie value, refreshed; an expired one is deleted and not returned. */
    public Optional<AdminSession> find(String cookieValue) {
        if (cookieValue == null || cookieValue.isEmpty() || cookieValue.length() > 100) return Optional.empty();
        String idHash = hash(cookieValue);
        Optional<SessionDao.Row> row = dao.find(idHash);
        if (row.isEmpty()) return Optional.empty();
        SessionDao.Row r = row.get();
        long now = clock.millis();
        if (expired(r.createdMs(), r.lastSeenMs(), now)) {
            dao.delete(idHash); // what it kept goes with it (ON DELETE CASCADE)
            return Optional.empty();
        }
        if (now - r.lastSeenMs() >= TOUCH_EVERY.toMillis()) dao.touch(idHash, now);
        return Optional.of(new AdminSession(this, idHash, r.username(), r.role(), r.mustChange(), r.csrfToken(),
                Instant.ofEpochMilli(r.createdMs()), Instant.ofEpochMilli(now)));
    }

    /** Ends the previous session (if any), purges expired ones, and starts a new one for the account. */
    public Started login(AdminSession previous, AdminUser user, String address, String userAgent) {
        if (previous != null) end(previous);
        long now = clock.millis();
        purgeExpired();
        String cookieValue = token();
        SessionDao.Row row = new SessionDao.Row(hash(cookieValue), user.username(), token(), now, now, null, user.role(),
                user.mustChange());
        dao.insert(row, truncate(address, 64), truncate(userAgent, 200));
        return new Started(cookieValue, new AdminSession(this, row.idHash(), user.username(), user.role(), user.mustChange(),
                row.csrfToken(), Instant.ofEpochMilli(now), Instant.ofEpochMilli(now)));
    }

    /** Deletes every session idle for {@link #IDLE} or begun {@link #ABSOLUTE} ago; how many went. */
    public int purgeExpired() {
        long now = clock.millis();
        return dao.purge(now - IDLE.toMillis(), now - ABSOLUTE.toMillis());
    }

    /**
     * One live session of an account, as its account page lists it. {@code ref} names it in forms: a
     * prefix of the stored hash, never the cookie's value, and good only together with the owner's name.
     */
    public record Live(String ref, Instant started, Instant lastSeen, String address, String userAgent, boolean current) {}

    /** The live sessions of {@code session}'s account, most recently seen first (expired ones are purged first). */
    public java.util.List<Live> liveSessions(AdminSession session) {
        purgeExpired();
        long now = clock.millis();
        return dao.listLive(session.username(), now - IDLE.toMillis(), now - ABSOLUTE.toMillis()).stream()
                .map(l -> new Live(ref(l.idHash()), Instant.ofEpochMilli(l.createdMs()),
                        // this request has just seen the current session, though the stored time may lag by up to TOUCH_EVERY
                        l.idHash().equals(session.idHash()) ? session.lastSeen() : Instant.ofEpochMilli(l.lastSeenMs()),
                        l.address(), l.userAgent(), l.idHash().equals(session.idHash())))
                .toList();
    }

    /** Ends one of the account's other sessions, named by its {@link Live#ref}; false when there is no such session. */
    public boolean endOther(AdminSession session, String ref) {
        if (ref == null || ref.equals(ref(session.idHash()))) return false;
        long now = clock.millis();
        for (SessionDao.Listed l : dao.listLive(session.username(), now - IDLE.toMillis(), now - ABSOLUTE.toMillis())) {
            if (ref(l.idHash()).equals(ref)) {
                return dao.deleteOwn(session.username(), l.idHash()) > 0;
            }
        }
        return false;
    }

    /** Ends every session of the account but {@code session} itself; how many ended. */
    public int endOthers(AdminSession session) {
        return jdbi.inTransaction(h -> SessionDao.deleteAllOf(h, session.username(), session.idHash()));
    }

    /**
     * Ends every session of {@code username} except {@code keep} (null: all of them), on the caller's
     * transaction: a password reset or a disabled account takes effect together with the change.
     */
    public static int endAllOf(org.jdbi.v3.core.Handle h, String username, AdminSession keep) {
        return SessionDao.deleteAllOf(h, username, keep == null ? null : keep.idHash());
    }

    private static String ref(String idHash) {
        return idHash.substring(0, 16);
    }

    public void end(AdminSession session) {
        dao.delete(session.idHash());
    }

    /** Sessions stored now, expired ones included until purged. */
    public int storedCount() {
        return dao.count();
    }

    void flash(AdminSession session, AdminSession.Flash flash) {
        ObjectNode node = json.mapper().createObjectNode();
        node.put("key", flash.key());
        node.put("error", flash.error());
        ArrayNode args = node.putArray("args");
        for (Object arg : flash.args()) args.addPOJO(arg);
        dao.setFlash(session.idHash(), node.toString());
    }

    AdminSession.Flash takeFlash(AdminSession session) {
        return dao.takeFlash(session.idHash()).map(this::readFlash).orElse(null);
    }

    private AdminSession.Flash readFlash(String text) {
        try {
            JsonNode node = json.mapper().readTree(text);
            Object[] args = new Object[node.path("args").size()];
            for (int i = 0; i < args.length; i++) {
                JsonNode arg = node.path("args").get(i);
                args[i] = arg.isIntegralNumber() ? (Object) arg.longValue() : arg.isNumber() ? arg.doubleValue() : arg.asText();
            }
            return new AdminSession.Flash(node.path("key").asText(), node.path("error").asBoolean(), args);
        } catch (java.io.IOException e) {
            return null; // a flash is a courtesy; an unreadable one is dropped
        }
    }

    /**
     * Keeps {@code value} for a later request of this session, in the database (table
     * {@code import_preview}), so any server process on it can finish what another began. At most
     * {@value #MAX_KEPT_PER_SESSION} per session (the oldest goes); all go with the session.
     */
    void put(AdminSession session, String key, Object value) {
        String text;
        try {
            text = json.lenientMapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot keep a " + value.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
        items.put(session.idHash(), key, text, clock.millis(), MAX_KEPT_PER_SESSION);
    }

    /** What the session kept under {@code key}, or null (never kept, removed, or unreadable by this version). */
    <T> T get(AdminSession session, String key, Class<T> type) {
        return items.get(session.idHash(), key).map(text -> {
            try {
                return json.lenientMapper().readValue(text, type);
            } catch (JsonProcessingException e) {
                return null; // kept by another version of the program: as if it had expired
            }
        }).orElse(null);
    }

    void remove(AdminSession session, String key) {
        items.remove(session.idHash(), key);
    }

    private static boolean expired(long createdMs, long lastSeenMs, long now) {
        return now >= lastSeenMs + IDLE.toMillis() || now >= createdMs + ABSOLUTE.toMillis();
    }

    static String hash(String cookieValue) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(cookieValue.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private String token() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
