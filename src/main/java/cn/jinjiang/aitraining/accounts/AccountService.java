package cn.jinjiang.aitraining.accounts;

import cn.jinjiang.aitraining.audit.AuditWriter;
import cn.jinjiang.aitraining.auth.Account;
import cn.jinjiang.aitraining.auth.AdminAccounts;
import cn.jinjiang.aitraining.auth.AdminSession;
import cn.jinjiang.aitraining.auth.AdminUserDao;
import cn.jinjiang.aitraining.auth.LoginThrottle;
import cn.jinjiang.aitraining.auth.PasswordPolicy;
import cn.jinjiang.aitraining.auth.SessionStore;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * One's own account: changing one's password (which also ends one's other sessions, and lifts the
 * one-time password's lock) and one's signed-in sessions. A wrong current password counts as a
 * failed sign-in in {@link LoginThrottle}, so a borrowed session cannot be used to guess it.
 */
public final class AccountService {
    public static final String CURRENT = "current_password";
    public static final String NEW = "new_password";

    private final Jdbi jdbi;
    private final AdminAccounts accounts;
    private final SessionStore sessions;
    private final LoginThrottle throttle;
    private final AuditWriter audit;

    public AccountService(Jdbi jdbi, AdminAccounts accounts, SessionStore sessions, LoginThrottle throttle, AuditWriter audit) {
        this.jdbi = jdbi;
        this.accounts = accounts;
        this.sessions = sessions;
        this.throttle = throttle;
        this.audit = audit;
    }

    /** What became of a password change: done, or the field errors (message keys by field), or a wait. */
    public record Outcome(Map<String, String> errors, Duration retryAfter) {
        public boolean done() { return errors.isEmpty() && retryAfter == null; }
        public boolean throttled() { return retryAfter != null; }
    }

    /**
     * Changes the signed-in account's password: the current one must be right, the new one must
     * follow {@link PasswordPolicy} and differ from it. Cheap checks come first, so a form with a short
     * new password costs no hashing and no attempt.
     */
    public Outcome changePassword(AdminSession session, String current, String proposed, String address) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (current == null || current.isEmpty()) errors.put(CURRENT, "validation.required");
        PasswordPolicy.checkPassword(proposed).ifPresent(key -> errors.put(NEW, key));
        if (errors.isEmpty() && proposed.equals(current)) errors.put(NEW, "account.password_same");
        if (!errors.isEmpty()) return new Outcome(errors, null);

        LoginThrottle.Decision decision = throttle.admit(session.username(), address);
        if (!decision.allowed()) return new Outcome(Map.of(), decision.retryAfter());
        if (accounts.verify(session.username(), current).isEmpty()) {
            return new Outcome(Map.of(CURRENT, "account.current_wrong"), null);
        }
        throttle.recordSuccess(session.username(), address);
        String hash = accounts.hash(proposed); // before the write transaction: Argon2 is slow on purpose
        jdbi.useTransaction(h -> {
            Account before = AdminUserDao.find(h, session.username()).orElseThrow();
            AdminUserDao.setPassword(h, before.id(), hash, false, audit.now());
            SessionStore.endAllOf(h, before.username(), session);
            Account after = AdminUserDao.find(h, before.id()).orElseThrow();
            audit.record(h, session.username(), UserAudit.PASSWORD, UserAudit.ENTITY_TYPE, before.username(),
                    UserState.of(before), UserState.of(after), "", null);
        });
        return new Outcome(Map.of(), null);
    }

    /** The account's live sessions, this one marked. */
    public List<SessionStore.Live> sessions(AdminSession session) {
        return sessions.liveSessions(session);
    }

    /** Ends one of the account's other sessions; false when there is no such session. */
    public boolean endSession(AdminSession session, String ref) {
        return sessions.endOther(session, ref);
    }

    /** Ends all of the account's sessions but this one; how many ended. */
    public int endOtherSessions(AdminSession session) {
        return sessions.endOthers(session);
    }
}
