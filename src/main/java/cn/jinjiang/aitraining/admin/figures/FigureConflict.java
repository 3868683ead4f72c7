package cn.jinjiang.aitraining.admin.figures;

import cn.jinjiang.aitraining.admin.shared.EditConflict;

/** A figure changed since its form was read; {@code current} is what is saved now. */
public final class FigureConflict extends EditConflict {
    private static final long serialVersionUID = 1L;

    private final transient FigureState current;

    public FigureConflict(FigureState current) {
        this.current = current;
    }

    public FigureState current() { return current; }
}
