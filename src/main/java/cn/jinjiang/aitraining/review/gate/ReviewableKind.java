package cn.jinjiang.aitraining.review.gate;

import cn.jinjiang.aitraining.i18n.Lang;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One kind of change that can wait for review (a figure's report, an event's archiving, a revert,
 * an import ...): how the review page shows it and how approving applies it. The package that owns
 * the write path implements it next to that path and registers it once at start-up, so a new kind
 * (a chart, say) is one class and one {@code register} line.
 */
public interface ReviewableKind {
    /** Stored in {@code pending_change.kind}, e.g. {@code figure.edit}; also names the message {@code review.kind.<kind>}. */
    String kind();

    /** Stored in {@code pending_change.target_type}: figure, event, audit, import ... */
    String targetType();

    /** What the change is about, as the review list names it: a figure's label, an event's title, "3 rows". */
    String targetLabel(String targetKey, SubmittedForm form, Lang lang);

    /**
     * The target's version now, to tell whether it changed since the change was proposed; empty
     * when the kind has no single versioned target, or the target is gone.
     */
    Optional<Integer> versionNow(String targetKey);

    /** What the change would set, field by field, against the target as it is saved now. */
    List<ShownDifference> differences(String targetKey, SubmittedForm form, Lang lang);

    /**
     * Checks the stored form again and applies it with the same service call as a direct save,
     * with {@code proposer} as the change's author. Runs inside the approval's transaction (nested
     * Jdbi calls on this thread join it), so a failure leaves nothing behind. Throws the write path's
     * {@code EditConflict} or {@code DuplicateKey} when the target moved on, {@link ReviewRefused}
     * when the change can no longer be applied for another reason.
     */
    void apply(String targetKey, SubmittedForm form, String proposer, LocalDate today);
}
