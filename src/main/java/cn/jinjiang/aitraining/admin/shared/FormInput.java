package cn.jinjiang.aitraining.admin.shared;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reading and checking a form from its field list ({@link FormField}): what was typed is kept as
 * it was (to show again), what passes is returned checked. Entity-specific rules (a number, a key,
 * a qualifier word) are checked by the entity's form on top of these.
 */
public final class FormInput {
    private FormInput() {}

    /** The typed values of {@code fields} (and of {@code extra} names), null when a field was not sent. */
    public static Map<String, String> read(List<FormField> fields, Function<String, String> param, String... extra) {
        Map<String, String> values = new LinkedHashMap<>();
        for (FormField f : fields) values.put(f.name(), param.apply(f.name()));
        for (String name : extra) values.put(name, param.apply(name));
        return values;
    }

    /**
     * Checks every field the form shows: presence, length, characters, dates, choices. Returns the
     * checked values by name: trimmed text (null when blank) or a {@link LocalDate}.
     */
    public static Map<String, Object> check(List<FormField> fields, boolean isNew, Map<String, String> typed,
                                            LocalDate today, FieldErrors errors) {
        Map<String, Object> checked = new LinkedHashMap<>();
        for (FormField f : fields) {
            if (!f.shownWhen(isNew)) continue;
            String raw = typed.get(f.name());
            switch (f.kind()) {
                case TEXT, AREA -> checked.put(f.name(), f.english()
                        ? errors.english(f.name(), raw, f.required(), f.max())
                        : errors.text(f.name(), raw, f.required(), f.max()));
                case DATE -> checked.put(f.name(), errors.date(f.name(), raw, f.required(), today));
                case SELECT -> {
                    String v = raw == null ? null : raw.strip();
                    // List.of(...).contains(null) throws: a choice that was not sent is checked first.
                    if (v == null || !f.options().contains(v)) errors.add(f.name(), "validation.choice");
                    checked.put(f.name(), v);
                }
            }
        }
        return checked;
    }

    /** Name/value pairs as a URL query ({@code a=1&b=2}), for a hidden field or an address. */
    public static String encode(Map<String, String> params) {
        StringBuilder b = new StringBuilder();
        params.forEach((k, v) -> {
            if (b.length() > 0) b.append('&');
            b.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(v == null ? "" : v, StandardCharsets.UTF_8));
        });
        return b.toString();
    }

    /** Reads {@link #encode}'s output; a malformed pair is left out, the first of a repeated name kept. */
    public static Map<String, String> decode(String query) {
        Map<String, String> params = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) return params;
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) continue;
            try {
                params.putIfAbsent(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException malformed) {
                // a hand-edited value: leave it out
            }
        }
        return params;
    }
}
