package cn.jinjiang.aitraining.audit;

import cn.jinjiang.aitraining.paging.Page;

import cn.jinjiang.aitraining.admin.shared.AdminPages;
import cn.jinjiang.aitraining.admin.shared.FieldErrors;
import cn.jinjiang.aitraining.auth.AdminGuard;
import cn.jinjiang.aitraining.auth.AdminSession;
import cn.jinjiang.aitraining.export.CsvCells;
import cn.jinjiang.aitraining.i18n.Lang;
import cn.jinjiang.aitraining.i18n.Messages;
import cn.jinjiang.aitraining.review.gate.ReviewGate;
import cn.jinjiang.aitraining.web.RequestLang;
import cn.jinjiang.aitraining.web.Views;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * GET /admin/audit, GET /admin/audit.csv, GET /admin/audit/{id} (what an undo would do, asking for
 * a reason and a confirmation), POST /admin/audit/{id}/revert (the undo itself).
 */
public final class AuditController {
    public static final List<String> CSV_COLUMNS = List.of(
            "id", "occurred_at", "user", "action", "entity_type", "entity_key", "changes", "reason", "reverts_id",
            "before_json", "after_json");
    private static final DateTimeFormatter SHOWN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Shanghai"));

    /** Longest reason, as for every other change; counted in characters as people see them. */
    static final int MAX_REASON = 500;

    private final AuditService service;
    private final Views views;
    private final ReviewGate review;

    public AuditController(AuditService service, Views views, ReviewGate review) {
        this.service = service;
        this.views = views;
        this.review = review;
    }

    public void list(Context ctx) {
        AuditFilter filter = AuditFilter.of(ctx.queryParam("entity"), ctx.queryParam("user"));
        var page = service.page(filter, Page.requested(ctx.queryParam("page")), RequestLang.resolve(ctx));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("page", page);
        model.put("filter", filter);
        model.put("entities", service.entities());
        model.put("users", service.users());
        model.put("times", page.items().stream().collect(Collectors.toMap(
                r -> r.entry().id(), r -> SHOWN.format(r.entry().occurredAt()))));
        String query = "entity=" + enc(filter.entity()) + "&user=" + enc(filter.user());
        model.put("query", query);
        views.html(ctx, "admin/audit", model);
    }

    public void csv(Context ctx) {
        AuditFilter filter = AuditFilter.of(ctx.queryParam("entity"), ctx.queryParam("user"));
        ctx.contentType(CsvCells.CONTENT_TYPE);
        ctx.header("Content-Disposition", "attachment; filename=\"ai-training-audit.csv\"");
        try (CsvCells.CsvOut csv = CsvCells.open(ctx.outputStream(), CSV_COLUMNS)) {
            service.forEach(filter, RequestLang.resolve(ctx), row -> {
                AuditEntry e = row.entry();
                List<Object> cells = new ArrayList<>();
                cells.add(e.id());
                cells.add(e.occurredAt().toString());
                cells.add(e.username());
                cells.add(e.action());
                cells.add(e.entityType());
                cells.add(e.entityKey());
                cells.add(row.changes().stream().map(c -> c.field() + ": " + c.before() + " → " + c.after())
                        .collect(Collectors.joining("; ")));
                cells.add(e.reason());
                cells.add(e.revertsId() == null ? "" : String.valueOf(e.revertsId()));
                cells.add(e.beforeJson());
                cells.add(e.afterJson());
                csv.row(cells);
            });
        }
    }

    // GET /admin/audit/{id}: the undo's confirmation step. Changes nothing.
    public void confirmRevert(Context ctx) {
        Long id = entryId(ctx);
        if (id == null) return;
        Lang lang = RequestLang.resolve(ctx);
        Optional<AuditRow> row = service.entry(id, lang);
        if (row.isEmpty()) {
            refuse(ctx, 404, new RevertRefused("revert.not_found"));
            return;
        }
        if (row.get().undone()) {
            refuse(ctx, 409, alreadyUndone(row.get()));
            return;
        }
        confirmation(ctx, 200, row.get(), "", new FieldErrors());
    }

    // POST /admin/audit/{id}/revert: the undo, with the reason the confirmation asked for.
    public void revert(Context ctx) {
        Long id = entryId(ctx);
        if (id == null) return;
        Lang lang = RequestLang.resolve(ctx);
        FieldErrors errors = new FieldErrors();
        String reason = errors.text("reason", ctx.formParam("reason"), false, MAX_REASON);
        if (!errors.isEmpty()) {
            Optional<AuditRow> row = service.entry(id, lang);
            if (row.isEmpty()) {
                refuse(ctx, 404, new RevertRefused("revert.not_found"));
            } else {
                confirmation(ctx, 422, row.get(), ctx.formParam("reason"), errors);
            }
            return;
        }
        String recorded = reason == null
                ? Messages.get(lang, "admin.audit.undo_reason_bare", String.valueOf(id))
                : Messages.get(lang, "admin.audit.undo_reason", String.valueOf(id), reason);
        Map<String, List<String>> proposal = new LinkedHashMap<>(ctx.formParamMap());
        proposal.put(RevertReviewKind.RECORDED_REASON, List.of(recorded));
        if (AdminPages.heldForReview(ctx, review, RevertReviewKind.KIND, String.valueOf(id), null, proposal)) return;
        try {
            long newId = service.revert(id, AdminGuard.username(ctx), recorded);
            AdminSession session = AdminGuard.session(ctx);
            if (session != null) session.flash("admin.flash.reverted", false, String.valueOf(id), String.valueOf(newId)); // 1000, not 1,000
            ctx.redirect("/admin/audit", HttpStatus.SEE_OTHER);
        } catch (RevertRefused refused) {
            refuse(ctx, refused.messageKey().equals("revert.not_found") ? 404 : 409, refused);
        }
    }

    private void confirmation(Context ctx, int status, AuditRow row, String reason, FieldErrors errors) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("row", row);
        model.put("time", SHOWN.format(row.entry().occurredAt()));
        model.put("reason", reason == null ? "" : reason);
        model.put("errors", errors.messages(RequestLang.resolve(ctx)));
        ctx.status(status);
        views.html(ctx, "admin/audit-revert", model);
    }

    private static RevertRefused alreadyUndone(AuditRow row) {
        return new RevertRefused("revert.already_undone", String.valueOf(row.entry().id()), String.valueOf(row.undoneBy()));
    }

    /** The entry id in the path; null (and a 404 answered) when it is not a number. */
    private Long entryId(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            refuse(ctx, 404, new RevertRefused("revert.not_found"));
            return null;
        }
    }

    private void refuse(Context ctx, int status, RevertRefused refused) {
        Lang lang = RequestLang.resolve(ctx);
        ctx.status(status);
        views.html(ctx, "admin/message", Map.of(
                "title", Messages.get(lang, "revert.refused.title"),
                "message", Messages.get(lang, refused.messageKey(), refused.args()),
                "backUrl", "/admin/audit"));
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s == null ? "" : s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
