package cn.jinjiang.aitraining.review.gate;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A posted form as it was stored with a pending change: every value of every field, in order. */
public record SubmittedForm(Map<String, List<String>> values) {

    public SubmittedForm {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        values.forEach((name, list) -> copy.put(name, List.copyOf(list)));
        values = Collections.unmodifiableMap(copy);
    }

    /** The first value of {@code name}, null when it was not sent (as {@code ctx.formParam} answers). */
    public String param(String name) {
        List<String> list = values.get(name);
        return list == null || list.isEmpty() ? null : list.get(0);
    }

    /** Every value of {@code name} (ticked checkboxes, repeated rows); empty when none was sent. */
    public List<String> params(String name) {
        return values.getOrDefault(name, List.of());
    }
}
