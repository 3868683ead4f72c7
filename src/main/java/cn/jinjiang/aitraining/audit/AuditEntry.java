package cn.jinjiang.aitraining.audit;

import java.time.Instant;

/** One change: who, when, what (action on an entity), the state before and after, and why. */
public record AuditEntry(
        long id, Instant occurredAt, String username, String action, String entityType, String entityKey,
        String beforeJson, String afterJson, String reason, Long revertsId) {

    public static final String FIGURE = "figure";
    public static final String EVENT = "event";

    /** A new entry, before it has an id. */
    public static AuditEntry of(Instant at, String username, String action, String entityType, String entityKey,
                                String beforeJson, String afterJson, String reason, Long revertsId) {
        return new AuditEntry(0, at, username, action, entityType, entityKey, beforeJson, afterJson, reason, revertsId);
    }

    /** The value of the entity filter that selects this entry's entity: {@code figure:key}. */
    public String entity() { return entityType + ":" + entityKey; }
}
