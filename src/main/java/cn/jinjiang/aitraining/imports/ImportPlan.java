package cn.jinjiang.aitraining.imports;

import cn.jinjiang.aitraining.admin.figures.FigureChange;
import cn.jinjiang.aitraining.audit.Change;
import java.util.List;

/**
 * A parsed upload: what each row would do, and every error found. Kept in the admin's session
 * under a random id until confirmed, so the confirmation applies exactly what was previewed.
 */
public record ImportPlan(String id, String fileName, String charset, List<Row> rows, List<Problem> problems) {

    public enum Action { CREATE, REPORT, CORRECTION, UNCHANGED }

    /** {@code baseVersion} is the figure's version when previewed (0 for a new figure). */
    public record Row(int line, String key, Action action, List<Change> changes, int baseVersion, FigureChange change) {}

    /** An error at a line and column (line 0 and no column: the whole file). */
    public record Problem(int line, String column, String messageKey, Object[] args) {}

    public boolean hasProblems() { return !problems.isEmpty(); }

    public long changing() { return rows.stream().filter(r -> r.action() != Action.UNCHANGED).count(); }
}
