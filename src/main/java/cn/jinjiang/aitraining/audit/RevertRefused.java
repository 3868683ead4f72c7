package cn.jinjiang.aitraining.audit;

/** A revert that cannot be done; {@code messageKey} with {@code args} says why, in the viewer's language. */
public final class RevertRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String messageKey;
    private final transient Object[] args;

    public RevertRefused(String messageKey, Object... args) {
        super(messageKey, null, false, false);
        this.messageKey = messageKey;
        this.args = args;
    }

    public String messageKey() { return messageKey; }

    public Object[] args() { return args.clone(); }
}
