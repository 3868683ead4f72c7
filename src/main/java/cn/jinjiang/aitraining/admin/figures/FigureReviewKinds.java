package cn.jinjiang.aitraining.admin.figures;

import cn.jinjiang.aitraining.admin.shared.EditableField;
import cn.jinjiang.aitraining.admin.shared.FieldErrors;
import cn.jinjiang.aitraining.i18n.Lang;
import cn.jinjiang.aitraining.i18n.Messages;
import cn.jinjiang.aitraining.review.gate.ReviewRefused;
import cn.jinjiang.aitraining.review.gate.ReviewableKind;
import cn.jinjiang.aitraining.review.gate.ShownDifference;
import cn.jinjiang.aitraining.review.gate.SubmittedForm;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The figure forms' changes as they wait for review (issue 13): a report or correction, a new
 * figure, archiving. Approving one runs the form's validation and the same service call as a
 * direct save ({@link FigureEditController}), with the proposer as author.
 */
public final class FigureReviewKinds {
    public static final String EDIT = "figure.edit";
    public static final String NEW = "figure.new";
    public static final String ARCHIVE = "figure.archive";

    private FigureReviewKinds() {}

    public static List<ReviewableKind> all(AdminFigureService figures) {
        return List.of(new Edit(figures), new New(figures), new Archive(figures));
    }

    private abstract static class OfFigure implements ReviewableKind {
        final AdminFigureService figures;

        OfFigure(AdminFigureService figures) { this.figures = figures; }

        @Override public String targetType() { return "figure"; }

        @Override public String targetLabel(String key, SubmittedForm form, Lang lang) {
            return figures.state(key).map(f -> lang.isZh() ? f.labelZh() : f.labelEn()).orElse(key);
        }

        @Override public Optional<Integer> versionNow(String key) {
            return figures.state(key).map(FigureState::version);
        }

        FigureState figure(String key) {
            return figures.state(key).orElseThrow(() -> new ReviewRefused("review.refused.target_gone"));
        }
    }

    /** POST /admin/figures/{key}: a report or a correction. */
    private static final class Edit extends OfFigure {
        Edit(AdminFigureService figures) { super(figures); }

        @Override public String kind() { return EDIT; }

        @Override public List<ShownDifference> differences(String key, SubmittedForm form, Lang lang) {
            FigureForm proposed = FigureForm.read(form::param);
            List<ShownDifference> out = new ArrayList<>();
            FigureChange.Mode mode = FigureChange.Mode.parse(proposed.mode());
            if (mode != null) out.add(new ShownDifference(Messages.get(lang, "admin.field.mode"), "",
                    Messages.get(lang, "admin.mode." + mode.code())));
            out.addAll(EditableField.shownChanges(lang,
                    EditableField.compare(FigureFields.EDIT_FORM,
                            figures.state(key).orElse(null), proposed)));
            return out;
        }

        @Override public void apply(String key, SubmittedForm form, String proposer, LocalDate today) {
            FigureState figure = figure(key);
            FigureChange change = FigureForm.read(form::param)
                    .validate(FigureForm.Purpose.EDIT, today, new FieldErrors())
                    .orElseThrow(() -> new ReviewRefused("review.refused.invalid"));
            figures.edit(figure.key(), change, proposer).orElseThrow(() -> new ReviewRefused("review.refused.target_gone"));
        }
    }

    /** POST /admin/figures/new. */
    private static final class New extends OfFigure {
        New(AdminFigureService figures) { super(figures); }

        @Override public String kind() { return NEW; }

        @Override public String targetLabel(String key, SubmittedForm form, Lang lang) {
            return lang.isZh() ? form.param("label_zh") : form.param("label_en");
        }

        /** A new figure has no version; a key taken meanwhile shows when approving. */
        @Override public Optional<Integer> versionNow(String key) { return Optional.empty(); }

        @Override public List<ShownDifference> differences(String key, SubmittedForm form, Lang lang) {
            FigureForm proposed = FigureForm.read(form::param);
            return EditableField.shownChanges(lang, EditableField.compare(
                    Stream.concat(FigureFields.ALL.stream(), FigureFields.FORM_ONLY.stream()).toList(), null, proposed));
        }

        @Override public void apply(String key, SubmittedForm form, String proposer, LocalDate today) {
            FigureChange change = FigureForm.read(form::param)
                    .validate(FigureForm.Purpose.CREATE, today, new FieldErrors())
                    .orElseThrow(() -> new ReviewRefused("review.refused.invalid"));
            figures.create(change, proposer);
        }
    }

    /** POST /admin/figures/{key}/archive. */
    private static final class Archive extends OfFigure {
        Archive(AdminFigureService figures) { super(figures); }

        @Override public String kind() { return ARCHIVE; }

        @Override public List<ShownDifference> differences(String key, SubmittedForm form, Lang lang) {
            boolean now = figures.state(key).map(FigureState::archived).orElse(false);
            return List.of(ShownDifference.of(lang, "admin.field.archived",
                    Messages.get(lang, now ? "admin.yes" : "admin.no"), Messages.get(lang, "admin.yes")));
        }

        @Override public void apply(String key, SubmittedForm form, String proposer, LocalDate today) {
            FieldErrors errors = new FieldErrors();
            String reason = errors.text("reason", form.param("reason"), true, 500);
            Integer version = errors.version("version", form.param("version"));
            if (!errors.isEmpty()) throw new ReviewRefused("review.refused.invalid");
            figures.archive(figure(key).key(), version, reason, proposer)
                    .orElseThrow(() -> new ReviewRefused("review.refused.target_gone"));
        }
    }
}
