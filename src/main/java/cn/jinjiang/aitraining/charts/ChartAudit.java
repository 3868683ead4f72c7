package cn.jinjiang.aitraining.charts;

import cn.jinjiang.aitraining.audit.AuditedField;
import cn.jinjiang.aitraining.audit.AuditedType;
import cn.jinjiang.aitraining.i18n.Messages;
import java.util.List;
import java.util.function.Function;

/** How the audit log shows changes to charts and to the site's texts, field by field, labelled as the forms label them. */
public final class ChartAudit {
    private ChartAudit() {}

    public static final AuditedType<Chart> CHART = AuditedType.of(ChartService.ENTITY, Chart.class,
            (c, lang) -> c.slug(), List.of(
                    text("slug", Chart::slug),
                    new AuditedField<>("admin.field.type", (c, lang) -> Messages.get(lang, "chart.type." + c.type())),
                    text("figures", c -> String.join(", ", c.figures())),
                    text("event_kinds", c -> String.join(", ", c.eventKinds())),
                    text("title_zh", Chart::titleZh),
                    text("title_en", Chart::titleEn),
                    text("caption_zh", Chart::captionZh),
                    text("caption_en", Chart::captionEn),
                    text("note_zh", Chart::noteZh),
                    text("note_en", Chart::noteEn),
                    text("position", c -> String.valueOf(c.position())),
                    new AuditedField<>("admin.field.archived",
                            (c, lang) -> Messages.get(lang, c.archived() ? "admin.yes" : "admin.no"))));

    public static final AuditedType<SiteSettings> SITE = AuditedType.of(ChartService.SITE_ENTITY, SiteSettings.class,
            (s, lang) -> Messages.get(lang, "chart.site.audit_label"), List.of(
                    site("site_title_zh", SiteSettings::titleZh),
                    site("site_title_en", SiteSettings::titleEn),
                    site("subtitle_zh", SiteSettings::subtitleZh),
                    site("subtitle_en", SiteSettings::subtitleEn),
                    site("footer_zh", SiteSettings::footerZh),
                    site("footer_en", SiteSettings::footerEn),
                    site("programme_zh", SiteSettings::programmeZh),
                    site("programme_en", SiteSettings::programmeEn)));

    private static AuditedField<Chart> text(String field, Function<Chart, String> value) {
        return new AuditedField<>("admin.field." + field, (c, lang) -> nullToEmpty(value.apply(c)));
    }

    private static AuditedField<SiteSettings> site(String field, Function<SiteSettings, String> value) {
        return new AuditedField<>("admin.field." + field, (s, lang) -> nullToEmpty(value.apply(s)));
    }

    private static String nullToEmpty(String s) { return s == null ? "" : s; }
}
