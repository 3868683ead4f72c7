package cn.jinjiang.aitraining.review;

/**
 * One row of {@code pending_change}: a change an editor proposed, kept until a publisher approves
 * or rejects it. Times are epoch milliseconds.
 */
public record PendingChange(long id, String kind, String targetType, String targetKey, String formJson,
                            Integer baseVersion, String proposedBy, long proposedMs, String reason, String status,
                            String reviewedBy, String reviewComment, Long reviewedMs) {
    public static final String PENDING = "pending";
    public static final String APPROVED = "approved";
    public static final String REJECTED = "rejected";

    public boolean pending() { return PENDING.equals(status); }
}
