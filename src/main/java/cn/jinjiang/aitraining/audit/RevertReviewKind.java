package cn.jinjiang.aitraining.audit;

import cn.jinjiang.aitraining.i18n.Lang;
import cn.jinjiang.aitraining.review.gate.ReviewRefused;
import cn.jinjiang.aitraining.review.gate.ReviewableKind;
import cn.jinjiang.aitraining.review.gate.ShownDifference;
import cn.jinjiang.aitraining.review.gate.SubmittedForm;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * An undo from the audit log as it waits for review (issue 13). The target is the entry's id;
 * approving runs the same revert as POST /admin/audit/{id}/revert, which itself refuses when the
 * entity changed after the entry.
 */
public final class RevertReviewKind implements ReviewableKind {
    public static final String KIND = "audit.revert";
    /** The reason as the revert records it ("撤销第10条记录：…"), made when the form was posted. */
    static final String RECORDED_REASON = "recorded_reason";

    private final AuditService audit;

    public RevertReviewKind(AuditService audit) {
        this.audit = audit;
    }

    @Override public String kind() { return KIND; }

    @Override public String targetType() { return "audit"; }

    @Override public String targetLabel(String id, SubmittedForm form, Lang lang) {
        return entry(id, lang).map(r -> r.label() + " (#" + id + ")").orElse("#" + id);
    }

    /** The revert checks the entity's version itself. */
    @Override public Optional<Integer> versionNow(String id) { return Optional.empty(); }

    /** What the undo puts back: each changed field goes from the entry's after to its before. */
    @Override public List<ShownDifference> differences(String id, SubmittedForm form, Lang lang) {
        return entry(id, lang).map(r -> r.changes().stream()
                .map(c -> new ShownDifference(c.field(), c.after(), c.before())).toList()).orElse(List.of());
    }

    @Override public void apply(String id, SubmittedForm form, String proposer, LocalDate today) {
        long entryId = parse(id).orElseThrow(() -> new ReviewRefused("revert.not_found"));
        String reason = form.param(RECORDED_REASON);
        if (reason == null || reason.isBlank()) throw new ReviewRefused("review.refused.invalid");
        try {
            audit.revert(entryId, proposer, reason);
        } catch (RevertRefused refused) {
            throw new ReviewRefused(refused.messageKey(), refused.args());
        }
    }

    private Optional<AuditRow> entry(String id, Lang lang) {
        return parse(id).flatMap(n -> audit.entry(n, lang));
    }

    private static Optional<Long> parse(String id) {
        try {
            return Optional.of(Long.parseLong(id));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
