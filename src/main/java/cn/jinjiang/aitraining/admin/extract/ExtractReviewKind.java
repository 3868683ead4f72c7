package cn.jinjiang.aitraining.admin.extract;

import cn.jinjiang.aitraining.admin.events.EventChange;
import cn.jinjiang.aitraining.admin.figures.AdminFigureService;
import cn.jinjiang.aitraining.admin.figures.FigureChange;
import cn.jinjiang.aitraining.i18n.Lang;
import cn.jinjiang.aitraining.i18n.Messages;
import cn.jinjiang.aitraining.i18n.QuantityFormat;
import cn.jinjiang.aitraining.review.gate.ReviewRefused;
import cn.jinjiang.aitraining.review.gate.ReviewableKind;
import cn.jinjiang.aitraining.review.gate.ShownDifference;
import cn.jinjiang.aitraining.review.gate.SubmittedForm;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The extract page's saving step (POST /admin/extract/apply) as it waits for review (issue 13):
 * approving checks the stored review form again and saves every row in one transaction, as a
 * direct save does; a figure reported since the form was read refuses the whole change.
 */
public final class ExtractReviewKind implements ReviewableKind {
    public static final String KIND = "extract.apply";
    private static final LocalDate SHOWN_ANY_DAY = LocalDate.of(9999, 1, 1);

    private final ExtractService extract;
    private final AdminFigureService figures;

    public ExtractReviewKind(ExtractService extract, AdminFigureService figures) {
        this.extract = extract;
        this.figures = figures;
    }

    @Override public String kind() { return KIND; }

    @Override public String targetType() { return "extract"; }

    @Override public String targetLabel(String key, SubmittedForm form, Lang lang) {
        String source = form.param("source");
        return Messages.get(lang, "review.extract.target", source == null ? "" : source, form.params("row").size());
    }

    @Override public Optional<Integer> versionNow(String key) { return Optional.empty(); }

    @Override public List<ShownDifference> differences(String key, SubmittedForm form, Lang lang) {
        // shown whatever the day: a date check only decides when approving
        ReviewForm.Changes changes = checked(form, SHOWN_ANY_DAY, lang);
        List<ShownDifference> out = new ArrayList<>();
        if (changes == null) return out;
        for (FigureChange c : changes.reports()) {
            String now = figures.state(c.key()).map(f -> f.display(lang)).orElse("");
            out.add(new ShownDifference(Messages.get(lang, "review.extract.report", label(c, lang)), now, shown(c)));
        }
        for (FigureChange c : changes.creations()) {
            out.add(new ShownDifference(Messages.get(lang, "review.extract.new_figure", label(c, lang)), "", shown(c)));
        }
        for (EventChange e : changes.events()) {
            out.add(new ShownDifference(Messages.get(lang, "review.extract.new_event"), "",
                    lang.isZh() ? e.titleZh() : e.titleEn()));
        }
        return out;
    }

    @Override public void apply(String key, SubmittedForm form, String proposer, LocalDate today) {
        ReviewForm.Changes changes = checked(form, today, Lang.ZH);
        if (changes == null) throw new ReviewRefused("review.refused.invalid");
        extract.apply(changes.reports(), changes.creations(), changes.events(), proposer);
    }

    private ReviewForm.Changes checked(SubmittedForm form, LocalDate today, Lang lang) {
        return extract.check(form.params("row"), form::param, today, lang).changes();
    }

    private static String label(FigureChange c, Lang lang) {
        return lang.isZh() ? c.labelZh() : c.labelEn();
    }

    private static String shown(FigureChange c) {
        return QuantityFormat.plain(c.value()) + " " + c.unit() + " (" + c.periodZh() + ", " + c.asOf() + ")";
    }
}
