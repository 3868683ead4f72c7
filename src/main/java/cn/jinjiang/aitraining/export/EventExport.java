package cn.jinjiang.aitraining.export;

import cn.jinjiang.aitraining.events.Event;
import cn.jinjiang.aitraining.events.EventSnapshot;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The events as data, shared by {@code /events.csv} and {@code /api/events}. */
public final class EventExport {
    public static final List<String> COLUMNS = List.of(
            "key", "date", "date_note_zh", "date_note_en", "title_zh", "title_en", "kind",
            "place_zh", "place_en", "people_zh", "people_en", "source", "source_date", "quote");

    private EventExport() {}

    public static List<Object> csvRow(EventSnapshot snapshot) {
        Event e = snapshot.event();
        List<Object> row = new ArrayList<>(COLUMNS.size());
        row.add(e.key());
        row.add(e.date() == null ? "" : e.date().toString());
        row.add(e.dateNoteZh());
        row.add(e.dateNoteEn());
        row.add(e.titleZh());
        row.add(e.titleEn());
        row.add(e.kind());
        row.add(e.placeZh());
        row.add(e.placeEn());
        row.add(e.peopleZh());
        row.add(e.peopleEn());
        row.add(snapshot.source().publicationZh());
        row.add(snapshot.source().publishedOn().toString());
        row.add(e.quote());
        return row;
    }

    public static EventJson json(EventSnapshot snapshot) {
        Event e = snapshot.event();
        return new EventJson(e.key(), e.date(), e.date() == null, e.dateNoteZh(), e.dateNoteEn(), e.titleZh(),
                e.titleEn(), e.kind(), e.placeZh(), e.placeEn(), e.peopleZh(), e.peopleEn(),
                FigureExport.SourceJson.of(snapshot.source()), e.quote());
    }

    /** An event in the JSON API; {@code date} is null and {@code undated} true when the report gives none. */
    public record EventJson(String key, LocalDate date, boolean undated, String dateNoteZh, String dateNoteEn,
                            String titleZh, String titleEn, String kind, String placeZh, String placeEn,
                            String peopleZh, String peopleEn, FigureExport.SourceJson source, String quote) {}
}
