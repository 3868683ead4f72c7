package cn.jinjiang.aitraining.admin.charts;

import cn.jinjiang.aitraining.admin.shared.EditableField;
import cn.jinjiang.aitraining.admin.shared.FieldErrors;
import cn.jinjiang.aitraining.admin.shared.FormInput;
import cn.jinjiang.aitraining.charts.Chart;
import cn.jinjiang.aitraining.charts.ChartDefinition;
import cn.jinjiang.aitraining.charts.ChartService;
import cn.jinjiang.aitraining.i18n.Lang;
import cn.jinjiang.aitraining.i18n.Messages;
import cn.jinjiang.aitraining.review.gate.ReviewRefused;
import cn.jinjiang.aitraining.review.gate.ReviewableKind;
import cn.jinjiang.aitraining.review.gate.ShownDifference;
import cn.jinjiang.aitraining.review.gate.SubmittedForm;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The chart forms' changes as they wait for review (issue 13): a new chart, an edit, archiving,
 * restoring and moving one place. Approving runs the chart service's checks again and the same
 * service call as a direct save ({@link ChartEditController}), with the proposer as author.
 */
public final class ChartReviewKinds {
    public static final String NEW = "chart.new";
    public static final String EDIT = "chart.edit";
    public static final String ARCHIVE = "chart.archive";
    public static final String RESTORE = "chart.restore";
    public static final String MOVE = "chart.move";

    private ChartReviewKinds() {}

    public static List<ReviewableKind> all(ChartService charts) {
        return List.of(new New(charts), new Edit(charts), new Archive(charts), new Restore(charts), new Move(charts));
    }

    private abstract static class OfChart implements ReviewableKind {
        final ChartService charts;

        OfChart(ChartService charts) { this.charts = charts; }

        @Override public String targetType() { return "chart"; }

        @Override public String targetLabel(String slug, SubmittedForm form, Lang lang) {
            return charts.find(slug).map(c -> c.titleTemplate(lang)).orElse(slug);
        }

        @Override public Optional<Integer> versionNow(String slug) {
            return charts.find(slug).map(Chart::version);
        }

        Chart chart(String slug) {
            return charts.find(slug).orElseThrow(() -> new ReviewRefused("review.refused.target_gone"));
        }

        static Map<String, String> values(SubmittedForm form) {
            return FormInput.read(ChartFields.FORM, form::param, "version", ChartEditController.ORIGINAL);
        }

        /** The chart service's checks on the stored form; a form that no longer passes cannot be applied. */
        ChartDefinition definition(SubmittedForm form, Optional<String> editing) {
            ChartService.Validation v = charts.validate(ChartFields.chartForm(values(form)), editing);
            if (!v.errors().isEmpty()) throw new ReviewRefused("review.refused.invalid");
            return v.definition();
        }

        static String reason(SubmittedForm form) {
            FieldErrors errors = new FieldErrors();
            String reason = errors.text("reason", form.param("reason"), true, 500);
            if (!errors.isEmpty()) throw new ReviewRefused("review.refused.invalid");
            return reason;
        }

        static int version(SubmittedForm form) {
            FieldErrors errors = new FieldErrors();
            Integer version = errors.version("version", form.param("version"));
            if (version == null) throw new ReviewRefused("review.refused.invalid");
            return version;
        }

        static ShownDifference archived(Lang lang, boolean now, boolean proposed) {
            return ShownDifference.of(lang, "admin.field.archived", Messages.get(lang, now ? "admin.yes" : "admin.no"),
                    Messages.get(lang, proposed ? "admin.yes" : "admin.no"));
        }
    }

    /** POST /admin/charts/new. */
    private static final class New extends OfChart {
        New(ChartService charts) { super(charts); }

        @Override public String kind() { return NEW; }

        @Override public String targetLabel(String slug, SubmittedForm form, Lang lang) {
            String title = form.param(lang.isZh() ? "title_zh" : "title_en");
            return title == null || title.isBlank() ? slug : title;
        }

        @Override public Optional<Integer> versionNow(String slug) { return Optional.empty(); }

        @Override public List<ShownDifference> differences(String slug, SubmittedForm form, Lang lang) {
            return EditableField.shownChanges(lang, EditableField.compare(ChartFields.ALL, null, values(form)));
        }

        @Override public void apply(String slug, SubmittedForm form, String proposer, LocalDate today) {
            charts.create(definition(form, Optional.empty()), reason(form), proposer);
        }
    }

    /** POST /admin/charts/{slug}. */
    private static final class Edit extends OfChart {
        Edit(ChartService charts) { super(charts); }

        @Override public String kind() { return EDIT; }

        @Override public List<ShownDifference> differences(String slug, SubmittedForm form, Lang lang) {
            return EditableField.shownChanges(lang, EditableField.compare(ChartFields.ALL, charts.find(slug).orElse(null), values(form)));
        }

        @Override public void apply(String slug, SubmittedForm form, String proposer, LocalDate today) {
            Chart chart = chart(slug);
            charts.save(chart.slug(), definition(form, Optional.of(chart.slug())), version(form), reason(form), proposer)
                    .orElseThrow(() -> new ReviewRefused("review.refused.target_gone"));
        }
    }

    /** POST /admin/charts/{slug}/archive. */
    private static final class Archive extends OfChart {
        Archive(ChartService charts) { super(charts); }

        @Override public String kind() { return ARCHIVE; }

        @Override public List<ShownDifference> differences(String slug, SubmittedForm form, Lang lang) {
            return List.of(archived(lang, charts.find(slug).map(Chart::archived).orElse(false), true));
        }

        @Override public void apply(String slug, SubmittedForm form, String proposer, LocalDate today) {
            charts.archive(chart(slug).slug(), version(form), reason(form), proposer)
                    .orElseThrow(() -> new ReviewRefused("review.refused.target_gone"));
        }
    }

    /** POST /admin/charts/{slug}/restore. */
    private static final class Restore extends OfChart {
        Restore(ChartService charts) { super(charts); }

        @Override public String kind() { return RESTORE; }

        @Override public List<ShownDifference> differences(String slug, SubmittedForm form, Lang lang) {
            return List.of(archived(lang, charts.find(slug).map(Chart::archived).orElse(true), false));
        }

        @Override public void apply(String slug, SubmittedForm form, String proposer, LocalDate today) {
            charts.restore(chart(slug).slug(), version(form), reason(form), proposer)
                    .orElseThrow(() -> new ReviewRefused("review.refused.target_gone"));
        }
    }

    /** POST /admin/charts with move=up:slug or down:slug: the list's order is the versioned target. */
    private static final class Move extends OfChart {
        Move(ChartService charts) { super(charts); }

        @Override public String kind() { return MOVE; }

        @Override public Optional<Integer> versionNow(String slug) { return Optional.empty(); }

        @Override public List<ShownDifference> differences(String slug, SubmittedForm form, Lang lang) {
            List<String> now = charts.all().stream().filter(c -> !c.archived()).map(Chart::slug).toList();
            List<String> moved = ChartOrder.moved(charts.all(), form.param("move"));
            return List.of(ShownDifference.of(lang, "admin.field.position", String.join(", ", now),
                    moved == null ? "" : String.join(", ", moved)));
        }

        @Override public void apply(String slug, SubmittedForm form, String proposer, LocalDate today) {
            List<Chart> all = charts.all();
            // The order the editor saw must still be the order now, as for a direct move.
            if (!String.valueOf(ChartOrder.version(all)).equals(String.valueOf(form.param("version")).strip())) {
                throw new ReviewRefused("review.conflict.changed");
            }
            List<String> order = ChartOrder.moved(all, form.param("move"));
            if (order == null) throw new ReviewRefused("review.refused.invalid");
            charts.reorder(order, reason(form), proposer);
        }
    }
}
