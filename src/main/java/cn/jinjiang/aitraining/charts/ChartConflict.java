package cn.jinjiang.aitraining.charts;

import cn.jinjiang.aitraining.admin.shared.EditConflict;

/** A chart changed since its form was read; {@code current} is what is saved now. */
public final class ChartConflict extends EditConflict {
    private static final long serialVersionUID = 1L;

    private final transient Chart current;

    public ChartConflict(Chart current) {
        this.current = current;
    }

    public Chart current() { return current; }
}
