package cn.jinjiang.aitraining.web;

/**
 * Thrown by a controller's look-up helper when the thing a URL names does not exist; WebApp maps
 * it once to the 404 page with {@code messageKey} (a key under {@code error.}).
 */
public final class NotFound extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String messageKey;

    public NotFound(String messageKey) {
        super(messageKey, null, false, false);
        this.messageKey = messageKey;
    }

    public String messageKey() { return messageKey; }
}
