package cn.jinjiang.aitraining.admin.shared;

/**
 * Somebody saved the entity after the form was read (or the write matched no row). Each entity
 * has its own subclass carrying what is saved now, typed, for the conflict page.
 */
public abstract class EditConflict extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected EditConflict() {
        super("stale version", null, false, false);
    }
}
