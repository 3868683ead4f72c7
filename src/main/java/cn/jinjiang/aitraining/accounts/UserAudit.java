package cn.jinjiang.aitraining.accounts;

import cn.jinjiang.aitraining.audit.AuditedField;
import cn.jinjiang.aitraining.audit.AuditedType;
import cn.jinjiang.aitraining.i18n.Messages;
import java.util.List;

/**
 * How the audit log shows changes to accounts (entity type {@value #ENTITY_TYPE}, keyed by user name),
 * and the actions it records.
 */
public final class UserAudit {
    private UserAudit() {}

    public static final String ENTITY_TYPE = "user";
    /** An admin created the account (the audit log's shared action name). */
    static final String CREATE = "create";
    static final String ROLE = "role";
    static final String DISABLE = "disable";
    static final String ENABLE = "enable";
    /** An admin gave the account a new one-time password. */
    static final String RESET_PASSWORD = "reset_password";
    /** The account's owner changed their own password. */
    static final String PASSWORD = "password";
    /** An entry reverted from the audit log (the audit log's shared action name). */
    static final String REVERT = "revert";

    public static final AuditedType<UserState> TYPE = AuditedType.of(ENTITY_TYPE, UserState.class,
            (u, lang) -> u.username(), List.of(
                    new AuditedField<>("users.field.role", (u, lang) -> Messages.get(lang, "role." + u.role())),
                    new AuditedField<>("users.field.status",
                            (u, lang) -> Messages.get(lang, u.disabled() ? "users.status.disabled" : "users.status.active")),
                    new AuditedField<>("users.field.one_time_password",
                            (u, lang) -> Messages.get(lang, u.oneTimePassword() ? "admin.yes" : "admin.no"))));
}
