package cn.jinjiang.aitraining.admin.charts;

import cn.jinjiang.aitraining.admin.figures.AdminFigureDao;
import cn.jinjiang.aitraining.admin.figures.FigureState;
import cn.jinjiang.aitraining.admin.shared.FieldErrors;
import cn.jinjiang.aitraining.audit.AuditEntry;
import cn.jinjiang.aitraining.audit.AuditWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.zip.CRC32;
import org.jdbi.v3.core.Jdbi;

/**
 * The dashboard's headline cards: which figures they show and in what order ({@code figure.headline}
 * and {@code figure.sort_order}). A change is one transaction writing one audit entry per figure it
 * changes (entity {@code figure}, so each is reverted like any figure edit).
 *
 * <p>The form's version is a fingerprint of the order it was read with: the order is spread over
 * many figure rows, none of whose own versions says whether the order moved on.
 */
public final class HeadlineService {
    /** More cards than this push the charts off a phone's first screens. */
    public static final int MAX_CARDS = 12;

    private final Jdbi jdbi;
    private final HeadlineDao dao;
    private final AdminFigureDao figures;
    private final AuditWriter audit;

    public HeadlineService(Jdbi jdbi, HeadlineDao dao, AdminFigureDao figures, AuditWriter audit) {
        this.jdbi = jdbi;
        this.dao = dao;
        this.figures = figures;
        this.audit = audit;
    }

    /** The headline figures' keys in card order. */
    public List<String> order() {
        return jdbi.withHandle(dao::order);
    }

    /** The fingerprint of an order, as the form's {@code version} carries it. */
    public static long version(List<String> order) {
        CRC32 crc = new CRC32();
        crc.update(String.join(",", order).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return crc.getValue();
    }

    /**
     * Checks a typed list of keys (commas, either width, or spaces between them): at least one, at
     * most {@link #MAX_CARDS}, each a published figure, none twice. Empty when refused (errors added).
     */
    public Optional<List<String>> validate(String field, String typed, FieldErrors errors) {
        List<String> keys = typed == null || typed.isBlank() ? List.of()
                : List.of(typed.strip().split("[,，、\\s]+"));
        if (keys.isEmpty()) {
            errors.add(field, "validation.required");
            return Optional.empty();
        }
        Set<String> published = new LinkedHashSet<>(jdbi.withHandle(h -> dao.published(h, keys)));
        keys.stream().filter(k -> !published.contains(k)).findFirst()
                .ifPresent(k -> errors.add(field, "chart.error.unknown_figure", k));
        if (keys.size() != new LinkedHashSet<>(keys).size()) errors.add(field, "chart.error.figure_twice");
        if (keys.size() > MAX_CARDS) errors.add(field, "admin.headlines.error.too_many", MAX_CARDS);
        return errors.isEmpty() ? Optional.of(keys) : Optional.empty();
    }

    /**
     * Makes {@code keys} the headline cards in that order, if the order is still the one read
     * (its {@link #version}); {@link HeadlineConflict} otherwise, nothing written. The figures
     * shown take the sort places the shown figures had, smallest first, so every other figure keeps
     * its place in the tables. Returns how many figures changed.
     */
    public int save(List<String> keys, long readVersion, String reason, String username) {
        return jdbi.inTransaction(h -> {
            List<String> current = dao.order(h);
            if (version(current) != readVersion) throw new HeadlineConflict(current);
            List<FigureState> shown = new ArrayList<>();
            for (String key : keys) shown.add(figures.figure(h, key).orElseThrow(() -> new HeadlineConflict(current)));
            List<Integer> places = shown.stream().map(FigureState::sortOrder).sorted().toList();
            Instant now = audit.now();
            int changed = 0;
            int previous = 0;
            for (int i = 0; i < shown.size(); i++) {
                // Two figures on one place would be ordered by their ids: nudge to keep the order given.
                int place = i == 0 ? places.get(0) : Math.max(places.get(i), previous + 1);
                previous = place;
                changed += write(h, shown.get(i), true, place, now, reason, username) ? 1 : 0;
            }
            for (String key : current) {
                if (keys.contains(key)) continue;
                FigureState before = figures.figure(h, key).orElseThrow();
                changed += write(h, before, false, before.sortOrder(), now, reason, username) ? 1 : 0;
            }
            return changed;
        });
    }

    private boolean write(org.jdbi.v3.core.Handle h, FigureState before, boolean headline, int sortOrder, Instant now,
                          String reason, String username) {
        if (before.headline() == headline && before.sortOrder() == sortOrder) return false;
        FigureState fields = new FigureState(before.key(), before.labelZh(), before.labelEn(), before.category(),
                before.unitEn(), headline, sortOrder, before.archived(), before.version(), before.observations());
        if (!figures.updateFigure(h, fields, before.version(), now)) throw new HeadlineConflict(dao.order(h));
        FigureState after = figures.figure(h, before.key()).orElseThrow();
        audit.record(h, username, "edit", AuditEntry.FIGURE, before.key(), before, after, reason, null);
        return true;
    }
}
