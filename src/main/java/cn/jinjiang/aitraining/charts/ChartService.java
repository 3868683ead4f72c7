package cn.jinjiang.aitraining.charts;

import cn.jinjiang.aitraining.admin.shared.DuplicateKey;
import cn.jinjiang.aitraining.admin.shared.FieldErrors;
import cn.jinjiang.aitraining.audit.AuditEntry;
import cn.jinjiang.aitraining.audit.AuditWriter;
import cn.jinjiang.aitraining.audit.RevertRefused;
import cn.jinjiang.aitraining.audit.Revertible;
import cn.jinjiang.aitraining.events.EventQuery;
import cn.jinjiang.aitraining.figures.FigureService;
import cn.jinjiang.aitraining.figures.FigureSnapshot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The dashboard's definition: its charts and its site texts. Reading, checking a chart definition
 * (field errors with message keys, in form order), and changes — each one transaction ending with
 * its audit entry (entity type {@code chart}, or {@code site} for the texts), revertible from the
 * audit log. A write that matches no row (the version moved on) aborts: nothing written, a conflict.
 */
public final class ChartService implements Revertible {
    public static final String ENTITY = "chart";
    public static final String SITE_ENTITY = "site";
    public static final String SITE_KEY = "site";
    /** More bars than this are unreadable on a phone; a line chart with more lines too. */
    public static final int MAX_FIGURES = 12;
    static final int MAX_SLUG = 60;
    static final int MAX_TITLE = 300;
    static final int MAX_CAPTION = 500;
    static final int MAX_POSITION = 9999;

    private final Jdbi jdbi;
    private final ChartDao dao;
    private final SiteSettingsDao site;
    private final FigureService figures;
    private final AuditWriter audit;

    public ChartService(Jdbi jdbi, ChartDao dao, SiteSettingsDao site, FigureService figures, AuditWriter audit) {
        this.jdbi = jdbi;
        this.dao = dao;
        this.site = site;
        this.figures = figures;
        this.audit = audit;
    }

    /** Every chart, archived ones last (for the admin list). */
    public List<Chart> all() { return jdbi.withHandle(dao::all); }

    /** The charts the dashboard shows, in order. */
    public List<Chart> published() { return jdbi.withHandle(dao::published); }

    /** A chart by its slug, archived or not. */
    public Optional<Chart> find(String slug) {
        return jdbi.withHandle(h -> dao.find(h, slug));
    }

    /** A chart the public may see: not archived. */
    public Optional<Chart> findPublished(String slug) {
        return find(slug).filter(c -> !c.archived());
    }

    public SiteSettings siteSettings() {
        return jdbi.withHandle(h -> site.read(h)).orElseThrow(() -> new IllegalStateException("site settings missing"));
    }

    /** The checked definition, or the field errors that stop it (then the definition is null). */
    public record Validation(ChartDefinition definition, FieldErrors errors) {
        public boolean ok() { return errors.isEmpty(); }
    }

    /**
     * Checks a chart form. {@code editing} is the slug of the chart being edited (empty for a new
     * one), so keeping its own slug is no clash. Refused: a bad or taken slug, an unknown type, an
     * unknown or unpublished figure key, a figure on a timeline or none on another chart, more than one
     * figure on a number card, an unknown event kind, a placeholder the chart cannot fill, and the
     * shared text rules (length, control characters, Chinese in an English field).
     */
    public Validation validate(ChartForm form, Optional<String> editing) {
        FieldErrors errors = new FieldErrors();
        String slug = errors.text("slug", form.slug(), true, MAX_SLUG);
        if (slug != null && (!slug.matches("[a-z0-9]+(-[a-z0-9]+)*") || slug.equals("new"))) {
            errors.add("slug", "chart.error.slug");
        } else if (slug != null && !slug.equals(editing.orElse(null)) && find(slug).isPresent()) {
            errors.add("slug", "chart.error.slug_taken");
        }
        String typeCode = form.type() == null ? "" : form.type().strip();
        ChartType type = ChartType.parse(typeCode).orElse(null);
        if (typeCode.isEmpty()) errors.add("type", "validation.required");
        else if (type == null) errors.add("type", "chart.error.type");

        List<String> keys = list(form.figures());
        Set<String> published = figures.byKeys(keys).stream().map(FigureSnapshot::key).collect(Collectors.toSet());
        if (type != null && type.showsFigures()) {
            if (keys.isEmpty()) errors.add("figures", "chart.error.figures_required");
            keys.stream().filter(k -> !published.contains(k)).findFirst()
                    .ifPresent(k -> errors.add("figures", "chart.error.unknown_figure", k));
            if (keys.size() != new LinkedHashSet<>(keys).size()) errors.add("figures", "chart.error.figure_twice");
            if (keys.size() > MAX_FIGURES) errors.add("figures", "chart.error.too_many_figures", MAX_FIGURES);
            if (type == ChartType.NUMBER && keys.size() > 1) errors.add("figures", "chart.error.number_one_figure");
        } else if (type == ChartType.TIMELINE && !keys.isEmpty()) {
            errors.add("figures", "chart.error.timeline_no_figures");
        }
        List<String> kinds = list(form.eventKinds());
        if (type != null && type != ChartType.TIMELINE && !kinds.isEmpty()) {
            errors.add("event_kinds", "chart.error.kinds_only_timeline");
        }
        kinds.stream().filter(k -> !EventQuery.KINDS.contains(k)).findFirst()
                .ifPresent(k -> errors.add("event_kinds", "chart.error.unknown_kind", k,
                        String.join(", ", EventQuery.KINDS)));

        String titleZh = errors.text("title_zh", form.titleZh(), true, MAX_TITLE);
        String titleEn = errors.english("title_en", form.titleEn(), true, MAX_TITLE);
        checkPlaceholders(errors, "title_zh", titleZh, type, keys);
        checkPlaceholders(errors, "title_en", titleEn, type, keys);
        String captionZh = errors.text("caption_zh", form.captionZh(), true, MAX_CAPTION);
        String captionEn = errors.english("caption_en", form.captionEn(), true, MAX_CAPTION);
        String noteZh = errors.text("note_zh", form.noteZh(), false, MAX_CAPTION);
        String noteEn = errors.english("note_en", form.noteEn(), false, MAX_CAPTION);
        Integer position = position(errors, form.position());
        if (!errors.isEmpty()) return new Validation(null, errors);
        return new Validation(new ChartDefinition(slug, type, type.showsFigures() ? keys : List.of(), kinds,
                titleZh, titleEn, captionZh, captionEn, noteZh, noteEn, position == null ? 0 : position), errors);
    }

    /**
     * A placeholder must be one the chart can fill: a figure the chart shows (or, for a timeline,
     * {count}, {first}, {last}); checked at save so a title never shows a raw "{…}".
     */
    private void checkPlaceholders(FieldErrors errors, String field, String title, ChartType type, List<String> keys) {
        if (title == null) return;
        Optional<String> bad = Placeholders.malformed(title);
        if (bad.isPresent()) {
            errors.add(field, "chart.error.placeholder_malformed", bad.get());
            return;
        }
        if (type == null) return;
        for (String name : Placeholders.names(title)) {
            boolean known = type == ChartType.TIMELINE ? Placeholders.TIMELINE.contains(name) : keys.contains(name);
            if (!known) {
                errors.add(field, type == ChartType.TIMELINE ? "chart.error.placeholder_timeline"
                        : "chart.error.placeholder_unknown", "{" + name + "}");
                return;
            }
        }
    }

    private static Integer position(FieldErrors errors, String raw) {
        String v = raw == null ? "" : raw.strip();
        if (v.isEmpty()) return null;
        if (!v.matches("\\d{1,4}") || Integer.parseInt(v) < 1) {
            errors.add("position", "chart.error.position", MAX_POSITION);
            return null;
        }
        return Integer.parseInt(v);
    }

    /** "a, b，c" → [a, b, c]: commas (either width) or spaces separate keys; blanks dropped. */
    static List<String> list(String raw) {
        if (raw == null || raw.isBlank()) return List.of();
        return Arrays.stream(raw.split("[,，、\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** Saves a new chart (position 0 means last); throws {@link DuplicateKey} when the slug was taken meanwhile. */
    public Chart create(ChartDefinition d, String reason, String username) {
        return jdbi.inTransaction(h -> {
            if (dao.find(h, d.slug()).isPresent()) throw new DuplicateKey(d.slug());
            int position = d.position() > 0 ? d.position() : dao.nextPosition(h);
            Chart chart = new Chart(d.slug(), d.type().code(), d.figures(), d.eventKinds(), d.titleZh(), d.titleEn(),
                    d.captionZh(), d.captionEn(), d.noteZh(), d.noteEn(), position, false, 1);
            dao.insert(h, chart, audit.now().toEpochMilli());
            Chart after = dao.find(h, d.slug()).orElseThrow();
            audit.record(h, username, "create", ENTITY, d.slug(), null, after, reason, null);
            if (d.position() > 0) makeRoom(h, d.slug(), reason, username);
            return dao.find(h, d.slug()).orElseThrow();
        });
    }

    /**
     * Saves a chart's new definition over the one read at {@code version}; empty when there is no
     * such chart; {@link ChartConflict} when somebody saved it since. A new slug moves the chart's
     * URL (the audit entry is kept under the slug it had).
     */
    public Optional<Chart> save(String slug, ChartDefinition d, int version, String reason, String username) {
        return jdbi.inTransaction(h -> {
            Optional<Chart> current = dao.find(h, slug);
            if (current.isEmpty()) return Optional.empty();
            Chart before = current.get();
            if (before.version() != version) throw new ChartConflict(before);
            if (!d.slug().equals(slug) && dao.find(h, d.slug()).isPresent()) throw new DuplicateKey(d.slug());
            ChartDefinition kept = d.position() > 0 ? d : withPosition(d, before.position());
            write(h, before, before.withDefinition(kept));
            Chart after = dao.find(h, d.slug()).orElseThrow();
            audit.record(h, username, "edit", ENTITY, slug, before, after, reason, null);
            if (after.position() != before.position()) makeRoom(h, after.slug(), reason, username);
            return dao.find(h, d.slug());
        });
    }

    /** Takes a chart off the dashboard and its page (its slug stays taken, so its URL never means another chart). */
    public Optional<Chart> archive(String slug, int version, String reason, String username) {
        return setArchived(slug, version, true, "archive", reason, username);
    }

    /** Puts an archived chart back. */
    public Optional<Chart> restore(String slug, int version, String reason, String username) {
        return setArchived(slug, version, false, "restore", reason, username);
    }

    private Optional<Chart> setArchived(String slug, int version, boolean archived, String action, String reason,
                                        String username) {
        return jdbi.inTransaction(h -> {
            Optional<Chart> current = dao.find(h, slug);
            if (current.isEmpty()) return Optional.empty();
            Chart before = current.get();
            if (before.version() != version) throw new ChartConflict(before);
            write(h, before, before.withArchived(archived));
            Chart after = dao.find(h, slug).orElseThrow();
            audit.record(h, username, action, ENTITY, slug, before, after, reason, null);
            return Optional.of(after);
        });
    }

    /**
     * Puts the charts in the given order (positions 1, 2, 3 … by the slugs' order; charts not
     * listed keep their place after them), one audit entry per chart that moved.
     */
    public List<Chart> reorder(List<String> slugs, String reason, String username) {
        return jdbi.inTransaction(h -> {
            List<Chart> moved = new ArrayList<>();
            int position = 1;
            for (String slug : slugs) {
                Chart before = dao.find(h, slug).orElseThrow(() -> new IllegalArgumentException("no chart " + slug));
                if (before.position() != position) {
                    write(h, before, withPosition(before, position));
                    Chart after = dao.find(h, slug).orElseThrow();
                    audit.record(h, username, "edit", ENTITY, slug, before, after, reason, null);
                    moved.add(after);
                }
                position++;
            }
            return moved;
        });
    }

    /**
     * After a chart was given a position, the others make room: they keep their order around it and
     * every chart is numbered 1, 2, 3 … again (archived ones after the shown ones), one audit entry
     * per chart that moved, so two charts never share a place.
     */
    private void makeRoom(Handle h, String slug, String reason, String username) {
        List<Chart> all = dao.all(h);
        Chart placed = all.stream().filter(c -> c.slug().equals(slug)).findFirst().orElseThrow();
        List<Chart> order = new ArrayList<>(all.stream().filter(c -> !c.slug().equals(slug)).toList());
        int shown = (int) order.stream().filter(c -> !c.archived()).count();
        int at = placed.archived() ? order.size() : Math.min(placed.position() - 1, shown);
        order.add(Math.max(at, 0), placed);
        for (int i = 0; i < order.size(); i++) {
            Chart before = order.get(i);
            if (before.position() == i + 1) continue;
            write(h, before, withPosition(before, i + 1));
            audit.record(h, username, "edit", ENTITY, before.slug(), before, dao.find(h, before.slug()).orElseThrow(),
                    reason, null);
        }
    }

    /** Saves the site's texts over those read at {@code s.version()}; {@link SiteSettingsConflict} if they moved on. */
    public SiteSettings saveSiteSettings(SiteSettings s, String reason, String username) {
        return jdbi.inTransaction(h -> {
            SiteSettings before = site.read(h).orElseThrow();
            if (before.version() != s.version() || !site.write(h, s, s.version(), audit.now().toEpochMilli())) {
                throw new SiteSettingsConflict(before);
            }
            SiteSettings after = site.read(h).orElseThrow();
            audit.record(h, username, "edit", SITE_ENTITY, SITE_KEY, before, after, reason, null);
            return after;
        });
    }

    @Override
    public String entityType() { return ENTITY; }

    /** Makes the chart look as it did before {@code entry}; undoing a creation archives it. */
    @Override
    public void revert(Handle h, AuditEntry entry, String username, String reason) {
        Chart after = audit.read(entry.afterJson(), Chart.class);
        // The entry is kept under the slug the chart had before; an edit may have moved it.
        Chart current = dao.find(h, after.slug()).or(() -> dao.find(h, entry.entityKey()))
                .orElseThrow(() -> new RevertRefused("revert.gone"));
        if (current.version() != after.version()) throw new RevertRefused("revert.changed_since");
        Chart before = audit.readOver(entry.beforeJson(), current, Chart.class);
        Chart target = before != null ? before : current.withArchived(true);
        if (!target.slug().equals(current.slug()) && dao.find(h, target.slug()).isPresent()) {
            throw new RevertRefused("revert.changed_since");
        }
        if (!dao.update(h, current.slug(), target, current.version(), audit.now().toEpochMilli())) {
            throw new RevertRefused("revert.changed_since");
        }
        Chart restored = dao.find(h, target.slug()).orElseThrow();
        audit.record(h, username, "revert", ENTITY, entry.entityKey(), current, restored, reason, entry.id());
    }

    /** Reverts changes to the site's texts (registered beside the charts' own revert). */
    public Revertible siteSettingsRevertible() {
        return new Revertible() {
            @Override
            public String entityType() { return SITE_ENTITY; }

            @Override
            public void revert(Handle h, AuditEntry entry, String username, String reason) {
                SiteSettings current = site.read(h).orElseThrow(() -> new RevertRefused("revert.gone"));
                SiteSettings after = audit.read(entry.afterJson(), SiteSettings.class);
                if (current.version() != after.version()) throw new RevertRefused("revert.changed_since");
                SiteSettings before = audit.readOver(entry.beforeJson(), current, SiteSettings.class);
                if (before == null) throw new RevertRefused("revert.gone");
                if (!site.write(h, before, current.version(), audit.now().toEpochMilli())) {
                    throw new RevertRefused("revert.changed_since");
                }
                SiteSettings restored = site.read(h).orElseThrow();
                audit.record(h, username, "revert", SITE_ENTITY, SITE_KEY, current, restored, reason, entry.id());
            }
        };
    }

    private void write(Handle h, Chart before, Chart fields) {
        if (!dao.update(h, before.slug(), fields, before.version(), audit.now().toEpochMilli())) {
            throw new ChartConflict(dao.find(h, before.slug()).orElse(before));
        }
    }

    private static ChartDefinition withPosition(ChartDefinition d, int position) {
        return new ChartDefinition(d.slug(), d.type(), d.figures(), d.eventKinds(), d.titleZh(), d.titleEn(),
                d.captionZh(), d.captionEn(), d.noteZh(), d.noteEn(), position);
    }

    private static Chart withPosition(Chart c, int position) {
        return new Chart(c.slug(), c.type(), c.figures(), c.eventKinds(), c.titleZh(), c.titleEn(), c.captionZh(),
                c.captionEn(), c.noteZh(), c.noteEn(), position, c.archived(), c.version());
    }
}
