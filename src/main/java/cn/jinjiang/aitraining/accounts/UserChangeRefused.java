package cn.jinjiang.aitraining.accounts;

/** A change to an account that the rules do not allow; {@code messageKey} says why, in the viewer's language. */
public final class UserChangeRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String messageKey;

    public UserChangeRefused(String messageKey) {
        super(messageKey, null, false, false);
        this.messageKey = messageKey;
    }

    public String messageKey() { return messageKey; }
}
