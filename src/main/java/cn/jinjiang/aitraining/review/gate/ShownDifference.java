package cn.jinjiang.aitraining.review.gate;

import cn.jinjiang.aitraining.i18n.Lang;
import cn.jinjiang.aitraining.i18n.Messages;

/** One line of a pending change's diff: the field as the reader calls it, what is saved now, what is proposed. */
public record ShownDifference(String label, String saved, String proposed) {

    /** A field labelled by its message key (the forms' {@code admin.field.*}). */
    public static ShownDifference of(Lang lang, String labelKey, String saved, String proposed) {
        return new ShownDifference(Messages.get(lang, labelKey), saved, proposed);
    }
}
