package cn.jinjiang.aitraining.admin.shared;

import cn.jinjiang.aitraining.i18n.Lang;
import cn.jinjiang.aitraining.i18n.Messages;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Field errors in form order, each a message key with its arguments; shared checks for the forms
 * and the import. Lengths count characters as people see them (code points).
 */
public final class FieldErrors {
    public record FieldError(String key, Object[] args) {}

    private final Map<String, FieldError> errors = new LinkedHashMap<>();

    public boolean isEmpty() { return errors.isEmpty(); }
    public Map<String, FieldError> all() { return errors; }

    public void add(String field, String key, Object... args) {
        errors.putIfAbsent(field, new FieldError(key, args));
    }

    /** The messages in a language, keyed by field, in form order. */
    public Map<String, String> messages(Lang lang) {
        Map<String, String> out = new LinkedHashMap<>();
        errors.forEach((field, e) -> out.put(field, Messages.get(lang, e.key(), e.args())));
        return out;
    }

    /**
     * The messages in a language, each preceded by the label of its field ("英文名称：请填写此项。"),
     * so a summary of several errors says which field each is about.
     */
    public Map<String, String> labelledMessages(Lang lang) {
        Map<String, String> out = new LinkedHashMap<>();
        errors.forEach((field, e) -> out.put(field, Messages.get(lang, "admin.errors.item",
                Messages.get(lang, "admin.field." + field), Messages.get(lang, e.key(), e.args()))));
        return out;
    }

    /**
     * Trims; checks presence, length and characters; returns the trimmed text, or null when blank.
     * Refused: control characters (tabs and line breaks aside), the replacement character a
     * broken UTF-8 body decodes to, and the bidi controls that make text read other than it is stored.
     */
    public String text(String field, String raw, boolean required, int max) {
        String v = raw == null ? "" : raw.strip();
        if (v.isEmpty()) {
            if (required) add(field, "validation.required");
            return null;
        }
        if (v.indexOf(REPLACEMENT) >= 0) add(field, "validation.bad_encoding");
        if (v.chars().anyMatch(FieldErrors::isBidiControl)) add(field, "validation.bidi");
        if (v.chars().anyMatch(c -> (c < 0x20 && c != '\n' && c != '\r' && c != '\t') || (c >= 0x7f && c <= 0x9f))) {
            add(field, "validation.control_chars");
        }
        if (v.codePointCount(0, v.length()) > max) add(field, "validation.too_long", max);
        return v;
    }

    /** {@link #text}, for an English field: Han characters are refused (the Chinese goes in the Chinese field). */
    public String english(String field, String raw, boolean required, int max) {
        String v = text(field, raw, required, max);
        if (v != null && v.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
            add(field, "validation.no_han");
        }
        return v;
    }

    /** What a decoder puts where the bytes were not UTF-8. */
    private static final char REPLACEMENT = '\uFFFD';

    /** U+202A–U+202E (embeddings, overrides) and U+2066–U+2069 (isolates). */
    private static boolean isBidiControl(int c) {
        return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }

    /** A real calendar date written YYYY-MM-DD, not after tomorrow. */
    public LocalDate date(String field, String raw, boolean required, LocalDate today) {
        String v = raw == null ? "" : raw.strip();
        if (v.isEmpty()) {
            if (required) add(field, "validation.required");
            return null;
        }
        if (!v.matches("\\d{4}-\\d{2}-\\d{2}")) {
            add(field, "validation.date.format");
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(v);
            if (d.isAfter(today.plusDays(1))) {
                add(field, "validation.date.future");
                return null;
            }
            if (d.getYear() < 1949) {
                add(field, "validation.date.format");
                return null;
            }
            return d;
        } catch (DateTimeParseException e) {
            add(field, "validation.date.invalid");
            return null;
        }
    }

    public Integer version(String field, String raw) {
        if (raw == null || !raw.strip().matches("\\d{1,9}")) {
            add(field, "validation.version");
            return null;
        }
        return Integer.parseInt(raw.strip());
    }
}
