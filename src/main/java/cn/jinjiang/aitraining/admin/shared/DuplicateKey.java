package cn.jinjiang.aitraining.admin.shared;

/** A new figure or event was given a key that is already taken. */
public final class DuplicateKey extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DuplicateKey(String key) {
        super("key taken: " + key, null, false, false);
    }
}
