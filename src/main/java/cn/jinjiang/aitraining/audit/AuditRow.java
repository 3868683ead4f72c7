package cn.jinjiang.aitraining.audit;

import java.util.List;

/**
 * An entry ready to show: what its target is called, the fields it changed, and the entry that
 * undid it (null while it stands).
 */
public record AuditRow(AuditEntry entry, String label, List<Change> changes, Long undoneBy) {
    public boolean undone() { return undoneBy != null; }
}
