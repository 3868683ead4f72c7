package cn.jinjiang.aitraining.admin.figures;

import cn.jinjiang.aitraining.admin.figures.FigureState.ObservationState;
import cn.jinjiang.aitraining.admin.shared.DuplicateKey;
import cn.jinjiang.aitraining.admin.shared.SourceDao;
import cn.jinjiang.aitraining.audit.AuditEntry;
import cn.jinjiang.aitraining.audit.AuditWriter;
import cn.jinjiang.aitraining.audit.RevertRefused;
import cn.jinjiang.aitraining.audit.Revertible;
import cn.jinjiang.aitraining.extract.UnitRules;
import cn.jinjiang.aitraining.paging.Page;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Changes to figures. Each public method is one transaction (IMMEDIATE, so the version check and
 * the write cannot interleave with another writer) ending with its audit entry. A write that
 * matches no row aborts the whole transaction: nothing is written, no audit entry, a conflict.
 */
public final class AdminFigureService implements Revertible {
    private final Jdbi jdbi;
    private final AdminFigureDao dao;
    private final SourceDao sources;
    private final AuditWriter audit;

    public AdminFigureService(Jdbi jdbi, AdminFigureDao dao, SourceDao sources, AuditWriter audit) {
        this.jdbi = jdbi;
        this.dao = dao;
        this.sources = sources;
        this.audit = audit;
    }

    public Optional<FigureState> state(String key) {
        return jdbi.withHandle(h -> dao.figure(h, key));
    }

    /**
     * Whether the figure was archived when a form read it at {@code version}. Every figure starts
     * unarchived and archiving writes an audit entry, so a version no entry wrote was not archived.
     */
    public boolean archivedAt(String key, int version) {
        return jdbi.withHandle(h -> audit.stateAt(h, AuditEntry.FIGURE, key, version, FigureState.class))
                .map(FigureState::archived).orElse(false);
    }

    /** Every figure, archived ones included, for the admin list. */
    public List<FigureState> all() {
        return jdbi.withHandle(dao::all);
    }

    /**
     * Page {@code number} (from 1) of the admin list, {@code size} figures a page; a page past the
     * end is the last. Reads only that page's figures and observations.
     */
    public Page<FigureState> page(int number, int size) {
        return jdbi.inTransaction(h -> {
            int total = dao.count(h);
            Page.Request request = Page.Request.of(number, size, total);
            return new Page<>(dao.page(h, request.offset(), request.size()), request.number(), request.size(), total);
        });
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
            if (before.version() != version) throw new FigureConflict(before);
            update(h, before.withArchived(true), before, audit.now());
            FigureState after = dao.figure(h, key).orElseThrow();
            audit.record(h, username, "archive", AuditEntry.FIGURE, key, before, after, reason, null);
            return Optional.of(after);
        });
    }

    /**
     * Creates a figure with its first observation, on the caller's transaction (the import's). A
     * change without a key gets one derived from its English name ({@link #keyFor}).
     */
    public FigureState create(Handle h, FigureChange change, String action, String username) {
        FigureChange c = change.key() == null ? change.withKey(keyFor(h, change.labelEn())) : change;
        if (dao.figure(h, c.key()).isPresent()) throw new DuplicateKey(c.key());
        Instant now = audit.now();
        // a new figure without an English noun gets the rule table's for its unit (场 → events), never the Chinese unit
        String unitEn = c.unitEn() != null ? c.unitEn() : UnitRules.english(c.unit()).orElse(null);
        FigureState figure = new FigureState(c.key(), c.labelZh(), c.labelEn(), c.category(), unitEn,
                c.headline() != null && c.headline(), dao.nextSortOrder(h), false, 1, List.of());
        long id = dao.insertFigure(h, figure, now);
        dao.insertObservation(h, id, observation(h, c), now);
        FigureState after = dao.figure(h, c.key()).orElseThrow();
        audit.record(h, username, action, AuditEntry.FIGURE, c.key(), null, after, c.reason(), null, c.publicNote());
        return after;
    }

    /**
     * A report or correction on the caller's transaction (the import's); refused when the figure
     * moved on since the form was read.
     */
    public FigureState apply(Handle h, FigureState before, FigureChange c, String action, String username) {
        if (before.version() != c.version()) throw new FigureConflict(before);
        Instant now = audit.now();
        FigureState fields = new FigureState(before.key(), c.labelZh(), c.labelEn(),
                c.category() == null ? before.category() : c.category(),
                c.unitEn() == null ? before.unitEn() : c.unitEn(),
                c.headline() == null ? before.headline() : c.headline(),
                before.sortOrder(), before.archived(), before.version(), before.observations());
        update(h, fields, before, now);
        ObservationState observation = observation(h, c);
        if (c.mode() == FigureChange.Mode.CORRECTION && before.latest() != null) {
            dao.updateObservation(h, before.latest().id(), observation, now);
        } else {
            dao.insertObservation(h, dao.figureId(h, before.key()), observation, now);
        }
        FigureState after = dao.figure(h, before.key()).orElseThrow();
        audit.record(h, username, action, AuditEntry.FIGURE, before.key(), before, after, c.reason(), null,
                c.publicNote());
        return after;
    }

    /**
     * A free key for a figure named {@code labelEn}: its slug ("AI agents built" → ai-agents-built,
     * then ai-agents-built-2 ...), or figure-N when the name has no Latin letters or digits.
     */
    String keyFor(Handle h, String labelEn) {
        String slug = slug(labelEn);
        if (slug.isEmpty()) {
            for (int n = dao.count(h) + 1; ; n++) {
                if (dao.figure(h, "figure-" + n).isEmpty()) return "figure-" + n;
            }
        }
        if (dao.figure(h, slug).isEmpty()) return slug;
        for (int n = 2; ; n++) {
            String candidate = slug.substring(0, Math.min(slug.length(), 70)) + "-" + n;
            if (dao.figure(h, candidate).isEmpty()) return candidate;
        }
    }

    /** Lower-case ASCII letters and digits joined by single hyphens, at most 60 characters; "" when none. */
    public static String slug(String text) {
        String s = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKD)
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (s.length() > 60) s = s.substring(0, 60).replaceAll("-+$", "");
        return s.equals("new") ? "" : s;
    }

    @Override
    public String entityType() { return AuditEntry.FIGURE; }

    /**
     * Makes the figure look as it did before {@code entry} (a revert): its fields, and its
     * observations row by row — rows added since are removed, changed rows rewritten, removed rows
     * re-inserted. Undoing a creation archives the figure: nothing is ever deleted.
     */
    @Override
    public void revert(Handle h, AuditEntry entry, String username, String reason) {
        FigureState current = dao.figure(h, entry.entityKey()).orElseThrow(() -> new RevertRefused("revert.gone"));
        FigureState after = audit.read(entry.afterJson(), FigureState.class);
        if (current.version() != after.version()) throw new RevertRefused("revert.changed_since");
        FigureState before = audit.readOver(entry.beforeJson(), current, FigureState.class);
        FigureState target = before != null ? before : current.withArchived(true);
        Instant now = audit.now();
        if (!dao.updateFigure(h, target, current.version(), now)) throw new RevertRefused("revert.changed_since");
        long figureId = dao.figureId(h, current.key());
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
        FigureState restored = dao.figure(h, current.key()).orElseThrow();
        audit.record(h, username, "revert", AuditEntry.FIGURE, current.key(), current, restored, reason, entry.id());
    }

    /** Writes the figure's fields; when no row matched the version read, the transaction is aborted. */
    private void update(Handle h, FigureState fields, FigureState before, Instant now) {
        if (!dao.updateFigure(h, fields, before.version(), now)) {
            throw new FigureConflict(dao.figure(h, before.key()).orElse(before));
        }
    }

    private ObservationState observation(Handle h, FigureChange c) {
        long sourceId = sources.findOrCreate(h, c.source(), c.sourceEn(), c.sourceDate(), c.sourceHeadline(), c.sourceAuthor());
        return new ObservationState(0, c.value(), c.unit(), c.qualifier(), c.qualifierWord(), c.periodZh(),
                c.periodEn(), c.asOf(), sourceId, c.source(), c.sourceEn(), c.sourceDate(), c.sourceHeadline(),
                c.sourceAuthor(), c.quote());
    }
}
