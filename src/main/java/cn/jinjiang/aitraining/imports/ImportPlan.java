package cn.jinjiang.aitraining.imports;

import cn.jinjiang.aitraining.admin.figures.FigureChange;
import cn.jinjiang.aitraining.audit.Change;
import cn.jinjiang.aitraining.values.Quantity;
import cn.jinjiang.aitraining.values.UnusualChange;
import java.util.List;

/**
 * A parsed upload: what each row would do, and every error found. Kept in the admin's session
 * under a random id until confirmed, so the confirmation applies exactly what was previewed.
 */
public record ImportPlan(String id, String fileName, String charset, List<Row> rows, List<Problem> problems) {

    public enum Action { CREATE, REPORT, CORRECTION, UNCHANGED }

    /**
     * {@code baseVersion} is the figure's version when previewed (0 for a new figure);
     * {@code unusual} what {@link UnusualChange} finds in the row's new value.
     */
    public record Row(int line, String key, Action action, List<Change> changes, int baseVersion, FigureChange change,
                      List<Unusual> unusual) {}

    /**
     * One warning, with what its message shows: the current value (null for a new figure), the new
     * one, each with the English unit it is shown with, and the new value's period.
     */
    public record Unusual(UnusualChange.Warning warning, Quantity current, String currentUnitEn, Quantity proposed,
                          String proposedUnitEn, String period) {}

    /** An error at a line and column (line 0 and no column: the whole file). */
    public record Problem(int line, String column, String messageKey, Object[] args) {}

    public boolean hasProblems() { return !problems.isEmpty(); }

    public long changing() { return rows.stream().filter(r -> r.action() != Action.UNCHANGED).count(); }

    /** True when some row's value needs a second look: applying then needs {@code confirm_unusual=yes}. */
    public boolean hasUnusual() { return rows.stream().anyMatch(r -> !r.unusual().isEmpty()); }
}
