package cn.jinjiang.aitraining.figures;

import cn.jinjiang.aitraining.i18n.Lang;
import cn.jinjiang.aitraining.i18n.QuantityFormat;

/** One observation of a figure's history with its source, for the figure page and its JSON. */
public record HistoryEntry(Observation observation, Source source, String unitEn) {

    public String display(Lang lang) { return QuantityFormat.display(lang, observation.quantity(), unitEn); }
}
