package cn.jinjiang.aitraining.accounts;

import cn.jinjiang.aitraining.audit.AuditEntry;
import cn.jinjiang.aitraining.audit.AuditWriter;
import cn.jinjiang.aitraining.audit.RevertRefused;
import cn.jinjiang.aitraining.audit.Revertible;
import cn.jinjiang.aitraining.auth.Account;
import cn.jinjiang.aitraining.auth.AdminAccounts;
import cn.jinjiang.aitraining.auth.AdminUserDao;
import cn.jinjiang.aitraining.auth.Role;
import cn.jinjiang.aitraining.auth.SessionStore;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The users page's rules: create an account with a one-time password, change its role, disable or
 * enable it, give it a new one-time password. Each change and its audit entry commit in one
 * transaction; the last admin that can sign in can be neither demoted nor disabled, checked inside
 * that transaction (SQLite's write transactions begin IMMEDIATE, so two admins demoting each other
 * at once are taken one after the other). Entries of role and status changes can be reverted from
 * the audit log, by an admin and under the same rule.
 */
public final class UserService implements Revertible {
    private final Jdbi jdbi;
    private final AdminAccounts accounts;
    private final AuditWriter audit;

    public UserService(Jdbi jdbi, AdminAccounts accounts, AuditWriter audit) {
        this.jdbi = jdbi;
        this.accounts = accounts;
        this.audit = audit;
    }

    /** A new or reset account and its one-time password, to be shown once. */
    public record OneTimePassword(Account account, String password) {}

    public List<Account> list() {
        return jdbi.withHandle(AdminUserDao::list);
    }

    /** Creates an account that must choose its own password at the first sign-in. */
    public OneTimePassword create(String actor, String username, Role role) {
        String password = accounts.newOneTimePassword();
        String hash = accounts.hash(password); // slow on purpose: before the write transaction, not inside it
        Account created = jdbi.inTransaction(h -> {
            if (AdminUserDao.nameTaken(h, username)) throw new UserChangeRefused("users.name_taken");
            long id = AdminUserDao.insert(h, username, hash, role, true, audit.now());
            Account account = AdminUserDao.find(h, id).orElseThrow();
            audit.record(h, actor, UserAudit.CREATE, UserAudit.ENTITY_TYPE, username, null, UserState.of(account), "", null);
            return account;
        });
        return new OneTimePassword(created, password);
    }

    public void changeRole(String actor, long id, Role role) {
        jdbi.useTransaction(h -> {
            Account before = existing(h, id);
            if (before.role() == role) return;
            if (before.activeAdmin() && AdminUserDao.activeAdmins(h) <= 1) throw new UserChangeRefused("users.last_admin_demote");
            AdminUserDao.setRole(h, id, role, audit.now());
            record(h, actor, UserAudit.ROLE, before, null, "");
        });
    }

    /** Disables (its sessions end with it) or enables an account; one cannot disable oneself. */
    public void setDisabled(String actor, long id, boolean disabled) {
        jdbi.useTransaction(h -> {
            Account before = existing(h, id);
            if (before.disabled() == disabled) return;
            if (disabled && before.username().equals(actor)) throw new UserChangeRefused("users.disable_self");
            if (disabled && before.activeAdmin() && AdminUserDao.activeAdmins(h) <= 1) {
                throw new UserChangeRefused("users.last_admin_disable");
            }
            AdminUserDao.setDisabled(h, id, disabled, audit.now());
            if (disabled) SessionStore.endAllOf(h, before.username(), null);
            record(h, actor, disabled ? UserAudit.DISABLE : UserAudit.ENABLE, before, null, "");
        });
    }

    /**
     * Gives the account a new one-time password and ends its sessions. Not for one's own account:
     * that is changed on the account page, with the current password.
     */
    public OneTimePassword resetPassword(String actor, long id) {
        String password = accounts.newOneTimePassword();
        String hash = accounts.hash(password);
        Account after = jdbi.inTransaction(h -> {
            Account before = existing(h, id);
            if (before.username().equals(actor)) throw new UserChangeRefused("users.reset_self");
            AdminUserDao.setPassword(h, id, hash, true, audit.now());
            SessionStore.endAllOf(h, before.username(), null);
            return record(h, actor, UserAudit.RESET_PASSWORD, before, null, "");
        });
        return new OneTimePassword(after, password);
    }

    @Override
    public String entityType() { return UserAudit.ENTITY_TYPE; }

    /**
     * Puts back the role or the status an entry changed. Only an admin may (an editor must not undo
     * their own demotion), never past the last-admin rule, and never over a later change. Password
     * entries cannot be reverted: a password is set anew, not put back.
     */
    @Override
    public void revert(Handle h, AuditEntry entry, String actor, String reason) {
        boolean actorIsAdmin = AdminUserDao.find(h, actor).map(Account::activeAdmin).orElse(false);
        if (!actorIsAdmin) throw new RevertRefused("users.revert_admin_only");
        if (!List.of(UserAudit.ROLE, UserAudit.DISABLE, UserAudit.ENABLE).contains(entry.action())
                && !(UserAudit.REVERT.equals(entry.action()) && entry.beforeJson() != null)) {
            throw new RevertRefused("users.revert_password");
        }
        UserState before = audit.read(entry.beforeJson(), UserState.class);
        UserState after = audit.read(entry.afterJson(), UserState.class);
        Account now = AdminUserDao.find(h, entry.entityKey()).orElseThrow(() -> new RevertRefused("users.revert_gone"));
        UserState current = UserState.of(now);
        if (!current.role().equals(after.role()) || current.disabled() != after.disabled()) {
            throw new RevertRefused("revert.changed_since");
        }
        Role role = Role.fromCode(before.role()).orElseThrow();
        boolean staysActiveAdmin = role == Role.ADMIN && !before.disabled();
        if (now.activeAdmin() && !staysActiveAdmin && AdminUserDao.activeAdmins(h) <= 1) {
            throw new RevertRefused("users.last_admin_demote");
        }
        AdminUserDao.setRole(h, now.id(), role, audit.now());
        AdminUserDao.setDisabled(h, now.id(), before.disabled(), audit.now());
        if (before.disabled()) SessionStore.endAllOf(h, now.username(), null);
        record(h, actor, UserAudit.REVERT, now, entry.id(), reason);
    }

    private static Account existing(Handle h, long id) {
        return AdminUserDao.find(h, id).orElseThrow(() -> new UserChangeRefused("users.not_found"));
    }

    /** The audit entry of a change just made to {@code before}'s account; returns the account as it is now. */
    private Account record(Handle h, String actor, String action, Account before, Long revertsId, String reason) {
        Account after = AdminUserDao.find(h, before.id()).orElseThrow();
        audit.record(h, actor, action, UserAudit.ENTITY_TYPE, before.username(), UserState.of(before), UserState.of(after),
                reason, revertsId);
        return after;
    }
}
