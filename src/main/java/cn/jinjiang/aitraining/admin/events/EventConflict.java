package cn.jinjiang.aitraining.admin.events;

import cn.jinjiang.aitraining.admin.shared.EditConflict;

/** An event changed since its form was read; {@code current} is what is saved now. */
public final class EventConflict extends EditConflict {
    private static final long serialVersionUID = 1L;

    private final transient EventState current;

    public EventConflict(EventState current) {
        this.current = current;
    }

    public EventState current() { return current; }
}
