package cn.jinjiang.aitraining.charts;

import cn.jinjiang.aitraining.admin.shared.EditConflict;

/** The site's texts changed since their form was read; {@code current} is what is saved now. */
public final class SiteSettingsConflict extends EditConflict {
    private static final long serialVersionUID = 1L;

    private final transient SiteSettings current;

    public SiteSettingsConflict(SiteSettings current) {
        this.current = current;
    }

    public SiteSettings current() { return current; }
}
