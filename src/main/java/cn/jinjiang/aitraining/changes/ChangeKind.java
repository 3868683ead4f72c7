package cn.jinjiang.aitraining.changes;

/**
 * What a published change did, as readers are told: its code is the JSON value and, after
 * {@code changes.kind.}, the message key of its name (更正 / Correction ...).
 */
public enum ChangeKind {
    /** A figure or event was published for the first time. */
    NEW("new"),
    /** A new report: a figure's history grew by one value. */
    REPORT("report"),
    /** A published value (or other published text) was put right; the replaced value is shown. */
    CORRECTION("correction"),
    /** Taken off the public pages (kept in the database and the audit log). */
    ARCHIVED("archived"),
    /** Put back on the public pages after being archived. */
    RESTORED("restored");

    private final String code;

    ChangeKind(String code) { this.code = code; }

    public String code() { return code; }

    public String messageKey() { return "changes.kind." + code; }
}
