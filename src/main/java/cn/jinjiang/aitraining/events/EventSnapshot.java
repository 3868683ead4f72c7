package cn.jinjiang.aitraining.events;

import cn.jinjiang.aitraining.figures.Source;
import cn.jinjiang.aitraining.i18n.DateFormat;
import cn.jinjiang.aitraining.i18n.Lang;
import cn.jinjiang.aitraining.i18n.Messages;
import org.jdbi.v3.core.mapper.Nested;

/** An event with its source, ready to show. */
public record EventSnapshot(@Nested("e") Event event, @Nested("s") Source source) {

    public String key() { return event.key(); }

    /** The date, or "undated" with what the report does say (日前, during the classes ...). */
    public String dateText(Lang lang) {
        if (event.isDated()) return DateFormat.format(lang, event.date());
        String undated = Messages.get(lang, "event.undated");
        String note = event.dateNote(lang);
        return note == null || note.isBlank() ? undated : undated + (lang.isZh() ? "（" + note + "）" : " (" + note + ")");
    }

    public String kindText(Lang lang) { return Messages.get(lang, "event.kind." + event.kind()); }
}
