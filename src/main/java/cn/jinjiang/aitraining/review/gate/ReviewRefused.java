package cn.jinjiang.aitraining.review.gate;

/** A pending change that cannot be applied (any more): the message key and its arguments say why. */
public final class ReviewRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String messageKey;
    private final transient Object[] args;

    public ReviewRefused(String messageKey, Object... args) {
        super(messageKey, null, false, false);
        this.messageKey = messageKey;
        this.args = args.clone();
    }

    public String messageKey() { return messageKey; }

    public Object[] args() { return args.clone(); }
}
