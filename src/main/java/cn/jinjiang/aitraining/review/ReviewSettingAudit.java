package cn.jinjiang.aitraining.review;

import cn.jinjiang.aitraining.audit.AuditedField;
import cn.jinjiang.aitraining.audit.AuditedType;
import cn.jinjiang.aitraining.i18n.Messages;
import java.util.List;

/** How the audit log shows a change of the require-review setting: "先审后发: 否 → 是". */
public final class ReviewSettingAudit {
    public static final AuditedType<ReviewService.SettingState> TYPE = AuditedType.of(ReviewService.SETTING,
            ReviewService.SettingState.class,
            (s, lang) -> Messages.get(lang, "settings.label." + s.name()),
            List.of(new AuditedField<>("settings.label.require_review",
                    (s, lang) -> Messages.get(lang, Boolean.parseBoolean(s.value()) ? "admin.yes" : "admin.no"))));

    private ReviewSettingAudit() {}
}
