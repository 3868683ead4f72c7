package cn.jinjiang.aitraining.audit;

import cn.jinjiang.aitraining.db.DataVersion;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Ends every change the same way, inside its transaction: one audit entry with the whole state
 * before and after, and a new data version so public pages and downloads change their ETag.
 */
public final class AuditWriter {
    private final AuditDao audit;
    private final AuditJson json;
    private final Clock clock;

    public AuditWriter(AuditDao audit, AuditJson json, Clock clock) {
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    public long record(Handle h, String username, String action, String type, String key, Object before, Object after,
                       String reason, Long revertsId) {
        return record(h, username, action, type, key, before, after, reason, revertsId, null);
    }

    /** As above, with a note for readers ({@code publicNote}, null or blank: none) published with the change. */
    public long record(Handle h, String username, String action, String type, String key, Object before, Object after,
                       String reason, Long revertsId, String publicNote) {
        String note = publicNote == null || publicNote.isBlank() ? null : publicNote.strip();
        long id = audit.insert(h, AuditEntry.of(clock.instant(), username, action, type, key,
                before == null ? null : json.write(before), json.write(after), reason, revertsId, note));
        DataVersion.bump(h);
        return id;
    }

    /** A state stored by {@link #record}, for a revert. */
    public <T> T read(String stored, Class<T> type) {
        return json.read(stored, type);
    }

    /**
     * The entity as it was at {@code version}, from the entry that wrote that version; empty for
     * the curated state no entry wrote.
     */
    public <T> Optional<T> stateAt(Handle h, String entityType, String key, int version, Class<T> type) {
        return audit.stateAt(h, entityType, key, version).map(stored -> json.read(stored, type));
    }

    /** A stored state, any field it lacks (written before the field existed) taken from {@code current}. */
    public <T> T readOver(String stored, T current, Class<T> type) {
        return json.readOver(stored, current, type);
    }

    public Instant now() { return clock.instant(); }
}
