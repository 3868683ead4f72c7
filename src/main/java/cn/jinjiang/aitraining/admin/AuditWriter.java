package cn.jinjiang.aitraining.admin;

import cn.jinjiang.aitraining.audit.AuditDao;
import cn.jinjiang.aitraining.audit.AuditEntry;
import cn.jinjiang.aitraining.db.DataVersion;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import org.jdbi.v3.core.Handle;

/**
 * Ends every change the same way, inside its transaction: one audit entry with the whole state
 * before and after, and a new data version so public pages and downloads change their ETag.
 */
public final class AuditWriter {
    private final AuditDao audit;
    private final ObjectMapper mapper;
    private final Clock clock;

    public AuditWriter(AuditDao audit, ObjectMapper mapper, Clock clock) {
        this.audit = audit;
        this.mapper = mapper;
        this.clock = clock;
    }

    public long record(Handle h, String username, String action, String type, String key, Object before, Object after,
                       String reason, Long revertsId) {
        long id = audit.insert(h, AuditEntry.of(clock.instant(), username, action, type, key,
                before == null ? null : json(before), json(after), reason, revertsId));
        DataVersion.bump(h);
        return id;
    }

    public String json(Object state) {
        try {
            return mapper.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write audit state", e);
        }
    }

    public <T> T read(String json, Class<T> type) {
        try {
            return json == null ? null : mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read audit state", e);
        }
    }

    public java.time.Instant now() { return clock.instant(); }
}
