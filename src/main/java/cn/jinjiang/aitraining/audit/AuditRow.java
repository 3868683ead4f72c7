package cn.jinjiang.aitraining.audit;

import java.util.List;

/** An entry with the fields it changed, ready to show. */
public record AuditRow(AuditEntry entry, List<Change> changes) {}
