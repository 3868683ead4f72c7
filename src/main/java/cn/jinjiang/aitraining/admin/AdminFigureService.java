package cn.jinjiang.aitraining.admin;

import cn.jinjiang.aitraining.admin.FigureState.ObservationState;
import cn.jinjiang.aitraining.audit.AuditEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Changes to figures. Each public method is one transaction (IMMEDIATE, so the version check and
 * the write cannot interleave with another writer) ending with its audit entry.
 */
public final class AdminFigureService {
    private final Jdbi jdbi;
    private final AdminDao dao;
    private final AuditWriter audit;

    public AdminFigureService(Jdbi jdbi, AdminDao dao, AuditWriter audit) {
        this.jdbi = jdbi;
        this.dao = dao;
        this.audit = audit;
    }

    public Optional<FigureState> state(String key) {
        return jdbi.withHandle(h -> dao.figure(h, key));
    }

    /** Every figure, archived ones included, for the admin list. */
    public List<FigureState> all() {
        return jdbi.withHandle(h -> dao.figureKeys(h).stream().map(k -> dao.figure(h, k).orElseThrow()).toList());
    }

    /** A report or a correction of an existing figure; empty when there is no such figure. */
    public Optional<FigureState> edit(String key, FigureChange change, String username) {
        return jdbi.inTransaction(h -> {
            Optional<FigureState> current = dao.figure(h, key);
            if (current.isEmpty()) return Optional.empty();
            return Optional.of(apply(h, current.get(), change, change.mode().code(), username));
        });
    }

    public FigureState create(FigureChange change, String username) {
        return jdbi.inTransaction(h -> create(h, change, "create", username));
    }

    /** Hides a figure from the public pages; it stays in the database and the audit log. */
    public Optional<FigureState> archive(String key, int version, String reason, String username) {
        return jdbi.inTransaction(h -> {
            Optional<FigureState> current = dao.figure(h, key);
            if (current.isEmpty()) return Optional.empty();
            FigureState before = current.get();
            if (before.version() != version) throw new EditConflict(before);
            FigureState archived = withArchived(before, true);
            dao.updateFigure(h, archived, before.version(), audit.now());
            FigureState after = dao.figure(h, key).orElseThrow();
            audit.record(h, username, "archive", AuditEntry.FIGURE, key, before, after, reason, null);
            return Optional.of(after);
        });
    }

    /** Creates a figure with its first observation, on the caller's transaction. */
    FigureState create(Handle h, FigureChange c, String action, String username) {
        if (dao.figure(h, c.key()).isPresent()) throw new DuplicateKey(c.key());
        Instant now = audit.now();
        FigureState figure = new FigureState(c.key(), c.labelZh(), c.labelEn(), c.category(), c.unitEn(),
                c.headline() != null && c.headline(), dao.nextSortOrder(h), false, 1, List.of());
        long id = dao.insertFigure(h, figure, now);
        dao.insertObservation(h, id, observation(h, c), now);
        FigureState after = dao.figure(h, c.key()).orElseThrow();
        audit.record(h, username, action, AuditEntry.FIGURE, c.key(), null, after, c.reason(), null);
        return after;
    }

    /** A report or correction on the caller's transaction; refused when the figure moved on since the form was read. */
    FigureState apply(Handle h, FigureState before, FigureChange c, String action, String username) {
        if (before.version() != c.version()) throw new EditConflict(before);
        Instant now = audit.now();
        long figureId = dao.figureId(h, before.key());
        ObservationState observation = observation(h, c);
        if (c.mode() == FigureChange.Mode.CORRECTION && before.latest() != null) {
            dao.updateObservation(h, before.latest().id(), observation, now);
        } else {
            dao.insertObservation(h, figureId, observation, now);
        }
        FigureState fields = new FigureState(before.key(), c.labelZh(), c.labelEn(),
                c.category() == null ? before.category() : c.category(),
                c.unitEn() == null ? before.unitEn() : c.unitEn(),
                c.headline() == null ? before.headline() : c.headline(),
                before.sortOrder(), before.archived(), before.version(), before.observations());
        dao.updateFigure(h, fields, before.version(), now);
        FigureState after = dao.figure(h, before.key()).orElseThrow();
        audit.record(h, username, action, AuditEntry.FIGURE, before.key(), before, after, c.reason(), null);
        return after;
    }

    /**
     * Makes the figure look as {@code target} again (a revert): its fields, and its observations
     * row by row — rows added since are removed, changed rows rewritten, removed rows re-inserted.
     */
    public void restore(Handle h, FigureState current, FigureState target, String username, String reason, long revertsId) {
        Instant now = audit.now();
        long figureId = dao.figureId(h, current.key());
        dao.updateFigure(h, target, current.version(), now);
        Map<Long, ObservationState> wanted = new HashMap<>();
        for (ObservationState o : target.observations()) wanted.put(o.id(), o);
        for (ObservationState o : current.observations()) {
            ObservationState w = wanted.remove(o.id());
            if (w == null) dao.deleteObservation(h, o.id());
            else if (!w.sameContent(o)) dao.updateObservation(h, o.id(), w, now);
        }
        List<ObservationState> missing = new ArrayList<>(wanted.values());
        missing.sort((a, b) -> Long.compare(a.id(), b.id()));
        for (ObservationState o : missing) dao.insertObservation(h, figureId, o, now);
        FigureState after = dao.figure(h, current.key()).orElseThrow();
        audit.record(h, username, "revert", AuditEntry.FIGURE, current.key(), current, after, reason, revertsId);
    }

    public static FigureState withArchived(FigureState f, boolean archived) {
        return new FigureState(f.key(), f.labelZh(), f.labelEn(), f.category(), f.unitEn(), f.headline(),
                f.sortOrder(), archived, f.version(), f.observations());
    }

    private ObservationState observation(Handle h, FigureChange c) {
        long sourceId = dao.findOrCreateSource(h, c.source(), c.sourceEn(), c.sourceDate(), c.sourceHeadline());
        return new ObservationState(0, c.value(), c.unit(), c.qualifier(), c.qualifierWord(), c.periodZh(),
                c.periodEn(), c.asOf(), sourceId, c.source(), c.sourceEn(), c.sourceDate(), c.sourceHeadline(), c.quote());
    }
}
