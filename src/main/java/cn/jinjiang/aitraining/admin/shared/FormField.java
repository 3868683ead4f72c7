package cn.jinjiang.aitraining.admin.shared;

import java.util.List;

/**
 * One field of an admin form, declared once in the entity's field list: the name it is posted
 * under (scripts depend on these), how it is shown, whether it is required and how long it may
 * be. The form reads, validates and shows its fields from that list, so adding a field is one entry.
 *
 * @param name the form field name; also the message key {@code admin.field.<name>} of its label
 * @param kind how the field is shown and read
 * @param required whether a blank value is refused
 * @param max the most characters (code points) a text may have; unused for dates and choices
 * @param hintKey the message key of the hint under the label, or null
 * @param options the values a {@link Kind#SELECT} offers; empty otherwise
 * @param optionPrefix the message key prefix of each option's label
 * @param newOnly whether only the form that creates the entity shows it
 */
public record FormField(String name, Kind kind, boolean required, int max, String hintKey, List<String> options,
                        String optionPrefix, boolean newOnly) {

    public enum Kind { TEXT, AREA, DATE, SELECT }

    public static FormField text(String name, boolean required, int max, String hintKey) {
        return new FormField(name, Kind.TEXT, required, max, hintKey, List.of(), null, false);
    }

    public static FormField area(String name, boolean required, int max, String hintKey) {
        return new FormField(name, Kind.AREA, required, max, hintKey, List.of(), null, false);
    }

    public static FormField date(String name, boolean required, String hintKey) {
        return new FormField(name, Kind.DATE, required, 10, hintKey, List.of(), null, false);
    }

    public static FormField select(String name, List<String> options, String optionPrefix) {
        return new FormField(name, Kind.SELECT, true, 80, null, options, optionPrefix, false);
    }

    /** The same field, shown only on the form that creates the entity. */
    public FormField onlyWhenNew() {
        return new FormField(name, kind, required, max, hintKey, options, optionPrefix, true);
    }

    public String labelKey() { return "admin.field." + name; }

    /** English fields ({@code *_en}) refuse Han characters. */
    public boolean english() { return name.endsWith("_en"); }

    /** Whether a form for a new (or an existing) entity shows and reads this field. */
    public boolean shownWhen(boolean isNew) { return isNew || !newOnly; }
}
