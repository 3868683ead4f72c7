package cn.jinjiang.aitraining.auth;

import java.time.Instant;

/**
 * An account as the users page shows it: never its password hash.
 *
 * @param oneTimePassword signed in with a generated password that must be changed first
 * @param lastSeen        the last request of any of its sessions still stored; null when none is
 */
public record Account(long id, String username, Role role, boolean disabled, boolean oneTimePassword, Instant createdAt,
                      Instant lastSeen) {

    /** An admin that can sign in: what "the last admin" counts. */
    public boolean activeAdmin() {
        return role == Role.ADMIN && !disabled;
    }
}
