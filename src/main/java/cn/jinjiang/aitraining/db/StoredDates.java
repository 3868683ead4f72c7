package cn.jinjiang.aitraining.db;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;

/**
 * Reads stored dates and instants back, whichever database wrote them: SQLite keeps ISO-8601 text
 * ({@code 2025-05-19}, {@code 2025-05-19T08:30:00.123Z}); PostgreSQL's DATE and TIMESTAMPTZ columns read
 * as text {@code 2025-05-19} and {@code 2025-05-19 08:30:00.123+00} (the server's sessions run in UTC).
 */
public final class StoredDates {
    private StoredDates() {}

    /** ISO date, 'T' or a space, time with up to nine fraction digits, then Z, +HH, +HH:MM or nothing (UTC). */
    private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart().appendOffset("+HH:mm", "Z").optionalEnd()
            .toFormatter();

    /** A stored date; a timestamp's date part counts as its date. */
    public static LocalDate localDate(String stored) {
        return stored == null ? null : LocalDate.parse(stored.length() > 10 ? stored.substring(0, 10) : stored);
    }

    public static Instant instant(String stored) {
        if (stored == null) return null;
        var parsed = TIMESTAMP.parse(stored);
        LocalDateTime local = LocalDateTime.from(parsed);
        ZoneOffset offset = parsed.isSupported(java.time.temporal.ChronoField.OFFSET_SECONDS)
                ? ZoneOffset.from(parsed) : ZoneOffset.UTC;
        return OffsetDateTime.of(local, offset).toInstant();
    }
}
