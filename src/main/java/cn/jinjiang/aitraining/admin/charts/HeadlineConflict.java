package cn.jinjiang.aitraining.admin.charts;

import cn.jinjiang.aitraining.admin.shared.EditConflict;
import java.util.List;

/** The headline cards were reordered since the form was read; {@code current} is their order now. */
public final class HeadlineConflict extends EditConflict {
    private static final long serialVersionUID = 1L;

    private final transient List<String> current;

    public HeadlineConflict(List<String> current) {
        this.current = List.copyOf(current);
    }

    public List<String> current() { return current; }
}
