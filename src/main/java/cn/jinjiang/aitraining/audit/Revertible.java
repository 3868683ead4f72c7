package cn.jinjiang.aitraining.audit;

import org.jdbi.v3.core.Handle;

/**
 * An entity type whose audited changes can be reverted. The package that owns the entity's state
 * implements it and registers it with {@link AuditService}, so the audit log needs to know nothing
 * of figures or events and revert lives beside the state it restores.
 */
public interface Revertible {
    /** The {@link AuditEntry#entityType()} this handles. */
    String entityType();

    /**
     * Puts the entity back as it was before {@code entry}, as a new audited change on the caller's
     * transaction; throws {@link RevertRefused} when it cannot (gone, or changed since the entry).
     */
    void revert(Handle h, AuditEntry entry, String username, String reason);
}
