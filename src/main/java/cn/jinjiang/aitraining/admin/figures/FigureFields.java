package cn.jinjiang.aitraining.admin.figures;

import cn.jinjiang.aitraining.admin.figures.FigureState.ObservationState;
import cn.jinjiang.aitraining.admin.shared.EditableField;
import cn.jinjiang.aitraining.i18n.QuantityFormat;
import java.util.List;
import java.util.function.Function;

/**
 * A figure's editable fields, declared once: the conflict page and the import preview compare a
 * saved {@link FigureState} with a {@link FigureForm} field by field from this list.
 */
public final class FigureFields {
    private FigureFields() {}

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

    /** The fields the edit form changes: the category is chosen when a figure is created. */
    public static final List<EditableField<FigureState, FigureForm>> EDIT_FORM =
            ALL.stream().filter(f -> !f.name().equals("category")).toList();

    private static Function<FigureState, String> latest(Function<ObservationState, String> field) {
        return f -> f.latest() == null ? "" : field.apply(f.latest());
    }
}
