package cn.jinjiang.aitraining.figures;

import java.io.Serial;

/**
 * A table filter or sort the table does not know (e.g. {@code category=nonsense}): answered 400 with
 * the message {@code error.<messageKey>}, in the viewer's language, which lists what is allowed.
 */
public final class BadFilter extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;
    private final String messageKey;

    public BadFilter(String messageKey) {
        super(messageKey, null, false, false);
        this.messageKey = messageKey;
    }

    public String messageKey() { return messageKey; }
}
