package cn.jinjiang.aitraining.admin.extract;

import cn.jinjiang.aitraining.admin.shared.FieldErrors;
import java.time.LocalDate;
import java.util.Optional;

/**
 * What the extract page posts, exactly as typed: the pasted text, its publication date and the
 * publication's name. {@link #validate} checks them; nothing here is ever saved.
 */
public record ExtractForm(String text, String date, String source) {
    /** The most text one extraction reads, in characters as people count them (code points). */
    public static final int MAX_CHARS = 200_000;
    public static final String DEFAULT_SOURCE = "晋江经济报";

    /** A checked form: the text, the publication date (may be null) and the publication (may be blank). */
    public record Valid(String text, LocalDate date, String source) {}

    public static ExtractForm blank() {
        return new ExtractForm("", "", DEFAULT_SOURCE);
    }

    public ExtractForm {
        text = text == null ? "" : text;
        date = date == null ? "" : date;
        source = source == null ? "" : source;
    }

    public Optional<Valid> validate(LocalDate today, FieldErrors errors) {
        int length = text.codePointCount(0, text.length());
        if (text.isBlank()) errors.add("text", "validation.required");
        else if (length > MAX_CHARS) errors.add("text", "extract.validation.too_long", MAX_CHARS, length);
        LocalDate d = errors.date("date", date, false, today);
        String s = errors.text("source", source, false, 100);
        if (!errors.isEmpty()) return Optional.empty();
        return Optional.of(new Valid(text, d, s == null ? "" : s));
    }
}
