package cn.jinjiang.aitraining.audit;

import java.time.Instant;

/**
 * One change: who, when, what (action on an entity), the state before and after, and why. The
 * reason and the user name are internal; {@code publicNote} (null: none) is what readers are told.
 * {@code approvedBy} names the publisher who approved a reviewed change (null: published directly).
 */
public record AuditEntry(
        long id, Instant occurredAt, String username, String action, String entityType, String entityKey,
        String beforeJson, String afterJson, String reason, Long revertsId, String publicNote, String approvedBy) {

    public static final String FIGURE = "figure";
    public static final String EVENT = "event";

    /** A new entry, before it has an id. */
    public static AuditEntry of(Instant at, String username, String action, String entityType, String entityKey,
                                String beforeJson, String afterJson, String reason, Long revertsId) {
        return of(at, username, action, entityType, entityKey, beforeJson, afterJson, reason, revertsId, null);
    }

    /** A new entry with a note for readers (null: none), before it has an id. */
    public static AuditEntry of(Instant at, String username, String action, String entityType, String entityKey,
                                String beforeJson, String afterJson, String reason, Long revertsId, String publicNote) {
        return new AuditEntry(0, at, username, action, entityType, entityKey, beforeJson, afterJson, reason, revertsId,
                publicNote, null);
    }

    /** The value of the entity filter that selects this entry's entity: {@code figure:key}. */
    public String entity() { return entityType + ":" + entityKey; }
}
