package cn.jinjiang.aitraining.admin;

import cn.jinjiang.aitraining.audit.AuditEntry;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Changes to events, each one transaction ending with its audit entry. */
public final class AdminEventService {
    private final Jdbi jdbi;
    private final AdminDao dao;
    private final AuditWriter audit;

    public AdminEventService(Jdbi jdbi, AdminDao dao, AuditWriter audit) {
        this.jdbi = jdbi;
        this.dao = dao;
        this.audit = audit;
    }

    public Optional<EventState> state(String key) {
        return jdbi.withHandle(h -> dao.event(h, key));
    }

    public List<EventState> all() {
        return jdbi.withHandle(dao::events);
    }

    public EventState create(EventChange c, String username) {
        return jdbi.inTransaction(h -> {
            if (dao.event(h, c.key()).isPresent()) throw new DuplicateKey(c.key());
            EventState state = state(h, c, c.key(), dao.nextEventSortOrder(h), false, 1);
            dao.insertEvent(h, state, audit.now());
            EventState after = dao.event(h, c.key()).orElseThrow();
            audit.record(h, username, "create", AuditEntry.EVENT, c.key(), null, after, c.reason(), null);
            return after;
        });
    }

    public Optional<EventState> edit(String key, EventChange c, String username) {
        return jdbi.inTransaction(h -> {
            Optional<EventState> current = dao.event(h, key);
            if (current.isEmpty()) return Optional.empty();
            EventState before = current.get();
            if (before.version() != c.version()) throw new EditConflict(before);
            dao.updateEvent(h, state(h, c, key, before.sortOrder(), before.archived(), before.version()),
                    before.version(), audit.now());
            EventState after = dao.event(h, key).orElseThrow();
            audit.record(h, username, "edit", AuditEntry.EVENT, key, before, after, c.reason(), null);
            return Optional.of(after);
        });
    }

    public Optional<EventState> archive(String key, int version, String reason, String username) {
        return jdbi.inTransaction(h -> {
            Optional<EventState> current = dao.event(h, key);
            if (current.isEmpty()) return Optional.empty();
            EventState before = current.get();
            if (before.version() != version) throw new EditConflict(before);
            dao.updateEvent(h, withArchived(before, true), before.version(), audit.now());
            EventState after = dao.event(h, key).orElseThrow();
            audit.record(h, username, "archive", AuditEntry.EVENT, key, before, after, reason, null);
            return Optional.of(after);
        });
    }

    /** Makes the event look as {@code target} again (a revert), on the caller's transaction. */
    public void restore(Handle h, EventState current, EventState target, String username, String reason, long revertsId) {
        dao.updateEvent(h, target, current.version(), audit.now());
        EventState after = dao.event(h, current.key()).orElseThrow();
        audit.record(h, username, "revert", AuditEntry.EVENT, current.key(), current, after, reason, revertsId);
    }

    public static EventState withArchived(EventState e, boolean archived) {
        return new EventState(e.key(), e.date(), e.dateNoteZh(), e.dateNoteEn(), e.titleZh(), e.titleEn(), e.kind(),
                e.placeZh(), e.placeEn(), e.peopleZh(), e.peopleEn(), e.sourceId(), e.source(), e.sourceDate(),
                e.sourceHeadline(), e.quote(), e.sortOrder(), archived, e.version());
    }

    private EventState state(Handle h, EventChange c, String key, int sortOrder, boolean archived, int version) {
        long sourceId = dao.findOrCreateSource(h, c.source(), null, c.sourceDate(), c.sourceHeadline());
        return new EventState(key, c.date(), c.dateNoteZh(), c.dateNoteEn(), c.titleZh(), c.titleEn(), c.kind(),
                c.placeZh(), c.placeEn(), c.peopleZh(), c.peopleEn(), sourceId, c.source(), c.sourceDate(),
                c.sourceHeadline(), c.quote(), sortOrder, archived, version);
    }
}
