package cn.jinjiang.aitraining.audit;

/** A revert that cannot be done; {@code messageKey} says why, in the viewer's language. */
public final class RevertRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String messageKey;

    public RevertRefused(String messageKey) {
        super(messageKey, null, false, false);
        this.messageKey = messageKey;
    }

    public String messageKey() { return messageKey; }
}
