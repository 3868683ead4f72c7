package cn.jinjiang.aitraining.accounts;

import cn.jinjiang.aitraining.auth.Account;

/**
 * An account as its audit entries store it: what an admin can change, and never a password or its
 * hash (a new or reset password shows only as {@code one_time_password} turning true).
 */
public record UserState(String username, String role, boolean disabled, boolean oneTimePassword) {
    static UserState of(Account a) {
        return new UserState(a.username(), a.role().code(), a.disabled(), a.oneTimePassword());
    }
}
