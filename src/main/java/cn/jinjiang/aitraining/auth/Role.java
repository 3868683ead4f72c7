package cn.jinjiang.aitraining.auth;

import java.util.Locale;
import java.util.Optional;

/**
 * What an account may do. An editor proposes changes (with review required they wait for a
 * publisher); a publisher approves others' changes and may edit; an admin also manages accounts
 * and settings. Stored lower-case in {@code admin_user.role}.
 */
public enum Role {
    EDITOR, PUBLISHER, ADMIN;

    /** The stored and form value: {@code editor}, {@code publisher}, {@code admin}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> fromCode(String code) {
        if (code == null) return Optional.empty();
        for (Role r : values()) if (r.code().equals(code.trim().toLowerCase(Locale.ROOT))) return Optional.of(r);
        return Optional.empty();
    }

    /** Publishers and admins approve others' changes and publish their own directly. */
    public boolean canPublish() {
        return this != EDITOR;
    }

    /** Only admins manage accounts and settings. */
    public boolean canManage() {
        return this == ADMIN;
    }
}
