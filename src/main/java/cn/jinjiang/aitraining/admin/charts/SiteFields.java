package cn.jinjiang.aitraining.admin.charts;

import cn.jinjiang.aitraining.admin.shared.EditableField;
import cn.jinjiang.aitraining.admin.shared.FormField;
import cn.jinjiang.aitraining.admin.shared.FormInput;
import cn.jinjiang.aitraining.charts.SiteSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The site-texts form of /admin/dashboard: its fields in page order, and how the conflict page compares them. */
public final class SiteFields {
    private SiteFields() {}

    /** The hidden field carrying the texts the form showed when it was read (for the conflict page). */
    public static final String ORIGINAL = "orig";

    public static final List<FormField> FORM = List.of(
            FormField.text("site_title_zh", true, 100, null),
            FormField.text("site_title_en", true, 150, null),
            FormField.area("subtitle_zh", true, 300, null),
            FormField.area("subtitle_en", true, 400, null),
            FormField.area("footer_zh", true, 500, null),
            FormField.area("footer_en", true, 600, null),
            FormField.text("programme_zh", true, 100, "admin.hint.programme"),
            FormField.text("programme_en", true, 150, "admin.hint.programme"),
            FormField.area("reason", true, 500, "admin.hint.reason"));

    public static final List<EditableField<SiteSettings, Map<String, String>>> ALL = List.of(
            new EditableField<>("site_title_zh", SiteSettings::titleZh, v -> v.get("site_title_zh")),
            new EditableField<>("site_title_en", SiteSettings::titleEn, v -> v.get("site_title_en")),
            new EditableField<>("subtitle_zh", SiteSettings::subtitleZh, v -> v.get("subtitle_zh")),
            new EditableField<>("subtitle_en", SiteSettings::subtitleEn, v -> v.get("subtitle_en")),
            new EditableField<>("footer_zh", SiteSettings::footerZh, v -> v.get("footer_zh")),
            new EditableField<>("footer_en", SiteSettings::footerEn, v -> v.get("footer_en")),
            new EditableField<>("programme_zh", SiteSettings::programmeZh, v -> v.get("programme_zh")),
            new EditableField<>("programme_en", SiteSettings::programmeEn, v -> v.get("programme_en")));

    /** The saved texts as the form shows them, with its version. */
    public static Map<String, String> values(SiteSettings s) {
        Map<String, String> v = new LinkedHashMap<>();
        for (EditableField<SiteSettings, Map<String, String>> f : ALL) v.put(f.name(), f.saved().apply(s));
        v.put(ORIGINAL, FormInput.encode(v));
        v.put("reason", "");
        v.put("version", String.valueOf(s.version()));
        return v;
    }

    /** The checked texts (as {@code FormInput.check} returned them) at the version the form was read. */
    public static SiteSettings settings(Map<String, Object> checked, int version) {
        return new SiteSettings(s(checked, "site_title_zh"), s(checked, "site_title_en"), s(checked, "subtitle_zh"),
                s(checked, "subtitle_en"), s(checked, "footer_zh"), s(checked, "footer_en"), s(checked, "programme_zh"),
                s(checked, "programme_en"), version);
    }

    private static String s(Map<String, Object> checked, String name) { return (String) checked.get(name); }
}
