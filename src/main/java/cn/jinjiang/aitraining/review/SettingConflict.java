package cn.jinjiang.aitraining.review;

/** The settings form was read at an older version: somebody changed the setting meanwhile. */
public final class SettingConflict extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final boolean savedValue;

    SettingConflict(boolean savedValue) {
        super("stale setting", null, false, false);
        this.savedValue = savedValue;
    }

    /** What is saved now. */
    public boolean savedValue() { return savedValue; }
}
