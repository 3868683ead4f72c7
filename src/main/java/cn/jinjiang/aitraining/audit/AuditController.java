package cn.jinjiang.aitraining.audit;

import cn.jinjiang.aitraining.paging.Page;

import cn.jinjiang.aitraining.auth.AdminGuard;
import cn.jinjiang.aitraining.auth.AdminSession;
import cn.jinjiang.aitraining.export.CsvCells;
import cn.jinjiang.aitraining.i18n.Lang;
import cn.jinjiang.aitraining.i18n.Messages;
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
import java.util.stream.Collectors;

/** GET /admin/audit, GET /admin/audit.csv, POST /admin/audit/{id}/revert. */
public final class AuditController {
    public static final List<String> CSV_COLUMNS = List.of(
            "id", "occurred_at", "user", "action", "entity_type", "entity_key", "changes", "reason", "reverts_id",
            "before_json", "after_json");
    private static final DateTimeFormatter SHOWN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Shanghai"));

    private final AuditService service;
    private final Views views;

    public AuditController(AuditService service, Views views) {
        this.service = service;
        this.views = views;
    }

    public void list(Context ctx) {
        AuditFilter filter = AuditFilter.of(ctx.queryParam("entity"), ctx.queryParam("user"));
        var page = service.page(filter, Page.requested(ctx.queryParam("page")));
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
            service.forEach(filter, row -> {
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

    public void revert(Context ctx) {
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            refuse(ctx, 404, "revert.not_found");
            return;
        }
        try {
            long newId = service.revert(id, AdminGuard.username(ctx), ctx.formParam("reason"));
            AdminSession session = AdminGuard.session(ctx);
            if (session != null) session.flash("admin.flash.reverted", false, id, newId);
            ctx.redirect("/admin/audit", HttpStatus.SEE_OTHER);
        } catch (RevertRefused refused) {
            refuse(ctx, refused.messageKey().equals("revert.not_found") ? 404 : 409, refused.messageKey());
        }
    }

    private void refuse(Context ctx, int status, String key) {
        Lang lang = RequestLang.resolve(ctx);
        ctx.status(status);
        views.html(ctx, "admin/message", Map.of(
                "title", Messages.get(lang, "revert.refused.title"),
                "message", Messages.get(lang, key),
                "backUrl", "/admin/audit"));
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s == null ? "" : s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
