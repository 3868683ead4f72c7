package cn.jinjiang.aitraining.review;

/**
 * Approving failed because the change no longer applies: its target changed since it was proposed
 * (or a key it creates was taken meanwhile), or its form no longer passes. Nothing was written; the
 * publisher sees the change against what is saved now and may reject it.
 */
public final class ReviewConflict extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String messageKey;
    private final transient Object[] args;

    ReviewConflict(String messageKey, Object... args) {
        super(messageKey, null, false, false);
        this.messageKey = messageKey;
        this.args = args.clone();
    }

    public String messageKey() { return messageKey; }

    public Object[] args() { return args.clone(); }
}
