package cn.jinjiang.aitraining.admin.events;

import cn.jinjiang.aitraining.admin.figures.AdminFigureService;
import cn.jinjiang.aitraining.admin.shared.DuplicateKey;
import cn.jinjiang.aitraining.admin.shared.SourceDao;
import cn.jinjiang.aitraining.audit.AuditEntry;
import cn.jinjiang.aitraining.audit.AuditWriter;
import cn.jinjiang.aitraining.audit.RevertRefused;
import cn.jinjiang.aitraining.audit.Revertible;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Changes to events, each one transaction ending with its audit entry. A write that matches no
 * row aborts the whole transaction: nothing is written, no audit entry, a conflict.
 */
public final class AdminEventService implements Revertible {
    private final Jdbi jdbi;
    private final AdminEventDao dao;
    private final SourceDao sources;
    private final AuditWriter audit;

    public AdminEventService(Jdbi jdbi, AdminEventDao dao, SourceDao sources, AuditWriter audit) {
        this.jdbi = jdbi;
        this.dao = dao;
        this.sources = sources;
        this.audit = audit;
    }

    public Optional<EventState> state(String key) {
        return jdbi.withHandle(h -> dao.event(h, key));
    }

    public List<EventState> all() {
        return jdbi.withHandle(dao::events);
    }

    /** Whether the event was archived when a form read it at {@code version} (see the figure service). */
    public boolean archivedAt(String key, int version) {
        return jdbi.withHandle(h -> audit.stateAt(h, AuditEntry.EVENT, key, version, EventState.class))
                .map(EventState::archived).orElse(false);
    }

    public EventState create(EventChange c, String username) {
        return jdbi.inTransaction(h -> create(h, c, "create", username));
    }

    /** Creates an event on the caller's transaction (the extract review's, with its figures). */
    public EventState create(Handle h, EventChange change, String action, String username) {
        EventChange c = change.key() == null ? change.withKey(keyFor(h, change.titleEn())) : change;
        if (dao.event(h, c.key()).isPresent()) throw new DuplicateKey(c.key());
        EventState state = state(h, c, c.key(), dao.nextSortOrder(h), false, 1);
        dao.insertEvent(h, state, audit.now());
        EventState after = dao.event(h, c.key()).orElseThrow();
        audit.record(h, username, action, AuditEntry.EVENT, c.key(), null, after, c.reason(), null, c.publicNote());
        return after;
    }

    public Optional<EventState> edit(String key, EventChange c, String username) {
        return jdbi.inTransaction(h -> {
            Optional<EventState> current = dao.event(h, key);
            if (current.isEmpty()) return Optional.empty();
            EventState before = current.get();
            if (before.version() != c.version()) throw new EventConflict(before);
            update(h, state(h, c, key, before.sortOrder(), before.archived(), before.version()), before);
            EventState after = dao.event(h, key).orElseThrow();
            audit.record(h, username, "edit", AuditEntry.EVENT, key, before, after, c.reason(), null, c.publicNote());
            return Optional.of(after);
        });
    }

    public Optional<EventState> archive(String key, int version, String reason, String username) {
        return jdbi.inTransaction(h -> {
            Optional<EventState> current = dao.event(h, key);
            if (current.isEmpty()) return Optional.empty();
            EventState before = current.get();
            if (before.version() != version) throw new EventConflict(before);
            update(h, before.withArchived(true), before);
            EventState after = dao.event(h, key).orElseThrow();
            audit.record(h, username, "archive", AuditEntry.EVENT, key, before, after, reason, null);
            return Optional.of(after);
        });
    }

    @Override
    public String entityType() { return AuditEntry.EVENT; }

    /** Makes the event look as it did before {@code entry}; undoing a creation archives it. */
    @Override
    public void revert(Handle h, AuditEntry entry, String username, String reason) {
        EventState current = dao.event(h, entry.entityKey()).orElseThrow(() -> new RevertRefused("revert.gone"));
        EventState after = audit.read(entry.afterJson(), EventState.class);
        if (current.version() != after.version()) throw new RevertRefused("revert.changed_since");
        EventState before = audit.readOver(entry.beforeJson(), current, EventState.class);
        EventState target = before != null ? before : current.withArchived(true);
        if (!dao.updateEvent(h, target, current.version(), audit.now())) throw new RevertRefused("revert.changed_since");
        EventState restored = dao.event(h, current.key()).orElseThrow();
        audit.record(h, username, "revert", AuditEntry.EVENT, current.key(), current, restored, reason, entry.id());
    }

    /** Writes the event; when no row matched the version read, the transaction is aborted. */
    private void update(Handle h, EventState fields, EventState before) {
        if (!dao.updateEvent(h, fields, before.version(), audit.now())) {
            throw new EventConflict(dao.event(h, before.key()).orElse(before));
        }
    }

    private EventState state(Handle h, EventChange c, String key, int sortOrder, boolean archived, int version) {
        long sourceId = sources.findOrCreate(h, c.source(), null, c.sourceDate(), c.sourceHeadline(), c.sourceAuthor());
        return new EventState(key, c.date(), c.dateNoteZh(), c.dateNoteEn(), c.titleZh(), c.titleEn(), c.kind(),
                c.placeZh(), c.placeEn(), c.peopleZh(), c.peopleEn(), sourceId, c.source(), c.sourceDate(),
                c.sourceHeadline(), c.sourceAuthor(), c.quote(), sortOrder, archived, version);
    }

    /**
     * A free key for an event titled {@code titleEn}, made as a figure's is: its slug
     * ("AI skills contest" → ai-skills-contest, then ai-skills-contest-2 ...), or event-N when
     * the title has no Latin letters or digits.
     */
    String keyFor(Handle h, String titleEn) {
        String slug = AdminFigureService.slug(titleEn);
        if (slug.isEmpty()) {
            for (int n = dao.count(h) + 1; ; n++) {
                if (dao.event(h, "event-" + n).isEmpty()) return "event-" + n;
            }
        }
        if (dao.event(h, slug).isEmpty()) return slug;
        for (int n = 2; ; n++) {
            String candidate = slug + "-" + n;
            if (dao.event(h, candidate).isEmpty()) return candidate;
        }
    }
}
