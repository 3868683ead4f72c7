package cn.jinjiang.aitraining.db;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Dates and instants are stored as ISO-8601 text (it sorts and reads the same in SQLite and
 * PostgreSQL); this is the one place that reads them back.
 */
public final class StoredDates {
    private StoredDates() {}

    /** A stored date; a timestamp's date part counts as its date. */
    public static LocalDate localDate(String stored) {
        return stored == null ? null : LocalDate.parse(stored.length() > 10 ? stored.substring(0, 10) : stored);
    }

    public static Instant instant(String stored) {
        return stored == null ? null : Instant.parse(stored);
    }
}
