package cn.jinjiang.aitraining.admin.figures;

import cn.jinjiang.aitraining.admin.figures.FigureState.ObservationState;
import cn.jinjiang.aitraining.admin.shared.EditableField;
import cn.jinjiang.aitraining.admin.shared.FormField;
import cn.jinjiang.aitraining.i18n.QuantityFormat;
import cn.jinjiang.aitraining.values.Qualifier;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A figure's editable fields, declared once. {@link #FORM} is what the figure form shows, reads and
 * checks, in page order; {@link #ALL} is how the conflict page and the import preview compare a
 * saved {@link FigureState} with a {@link FigureForm}, field by field.
 */
public final class FigureFields {
    private FigureFields() {}

    public static final List<String> CATEGORIES = List.of("ai-learning", "ai-application", "cadre-training", "related-course");

    /**
     * The note for readers published with a change (at /changes, in its feed, on the figure page),
     * unlike the reason, which only staff see. Not a field of the figure: never compared or prefilled.
     */
    public static final String PUBLIC_NOTE = "public_note";
    public static final int PUBLIC_NOTE_MAX = 200;

    /** The form's fields besides the kind of change and the version (which every edit form carries). */
    public static final List<FormField> FORM = List.of(
            FormField.text("key", false, 80, "admin.hint.key_optional").onlyWhenNew(),
            FormField.select("category", CATEGORIES, "category.").onlyWhenNew(),
            FormField.text("label_zh", true, 100, null),
            FormField.text("label_en", true, 150, null),
            FormField.text("value", true, 40, "admin.hint.value"),
            FormField.text("unit", true, 20, "admin.hint.unit"),
            FormField.select("qualifier", List.of(Qualifier.values()).stream().map(Qualifier::code).toList(), "qualifier."),
            FormField.text("qualifier_word", false, 10, "admin.hint.qualifier_word"),
            FormField.text("period", true, 60, "admin.hint.period"),
            FormField.text("period_en", false, 80, "admin.hint.period_en"),
            FormField.date("as_of", true, "admin.hint.date"),
            FormField.text("source", true, 100, "admin.hint.source"),
            FormField.date("source_date", true, "admin.hint.date"),
            FormField.text("source_headline", false, 200, "admin.hint.optional"),
            FormField.text("source_author", false, 100, "admin.hint.optional"),
            FormField.area("quote", true, 80, "admin.hint.quote"),
            FormField.area("reason", true, 500, "admin.hint.reason"),
            FormField.text(PUBLIC_NOTE, false, PUBLIC_NOTE_MAX, "admin.hint.public_note"));

    /** The figure's own fields. */
    public static final List<EditableField<FigureState, FigureForm>> OF_FIGURE = List.of(
            new EditableField<>("label_zh", FigureState::labelZh, FigureForm::labelZh),
            new EditableField<>("label_en", FigureState::labelEn, FigureForm::labelEn),
            new EditableField<>("category", FigureState::category, FigureForm::category));

    /** The fields of an observation, read from the figure's latest one. */
    public static final List<EditableField<FigureState, FigureForm>> OF_OBSERVATION = List.of(
            new EditableField<>("value", latest(o -> QuantityFormat.plain(o.value())), FigureForm::value),
            new EditableField<>("unit", latest(ObservationState::unit), FigureForm::unit),
            new EditableField<>("qualifier", latest(ObservationState::qualifier), FigureForm::qualifier),
            new EditableField<>("period", latest(ObservationState::periodZh), FigureForm::period),
            new EditableField<>("as_of", latest(o -> o.asOf().toString()), FigureForm::asOf),
            new EditableField<>("source", latest(ObservationState::source), FigureForm::source),
            new EditableField<>("source_date", latest(o -> o.sourceDate().toString()), FigureForm::sourceDate),
            new EditableField<>("quote", latest(ObservationState::quote), FigureForm::quote));

    public static final List<EditableField<FigureState, FigureForm>> ALL =
            java.util.stream.Stream.concat(OF_FIGURE.stream(), OF_OBSERVATION.stream()).toList();

    /** Observation fields the edit form also sends, which the import does not compare (it has no such columns). */
    public static final List<EditableField<FigureState, FigureForm>> FORM_ONLY = List.of(
            new EditableField<>("qualifier_word", latest(ObservationState::qualifierWord), FigureForm::qualifierWord),
            new EditableField<>("period_en", latest(ObservationState::periodEn), FigureForm::periodEn),
            new EditableField<>("source_headline", latest(ObservationState::sourceHeadline), FigureForm::sourceHeadline),
            new EditableField<>("source_author", latest(ObservationState::sourceAuthor), FigureForm::sourceAuthor));

    /**
     * The fields the edit form changes, as the conflict page lists them: the category is chosen
     * when a figure is created.
     */
    public static final List<EditableField<FigureState, FigureForm>> EDIT_FORM = Stream.concat(
            ALL.stream().filter(f -> !f.name().equals("category")), FORM_ONLY.stream()).toList();

    private static Function<FigureState, String> latest(Function<ObservationState, String> field) {
        return f -> f.latest() == null ? "" : field.apply(f.latest());
    }
}
