package cn.jinjiang.aitraining.admin;

/** Somebody saved the entity after the form was read; {@code current} is what they saved. */
public final class EditConflict extends RuntimeException {
    private final transient Object current;

    public EditConflict(Object current) {
        super("stale version", null, false, false);
        this.current = current;
    }

    public Object current() { return current; }
}
