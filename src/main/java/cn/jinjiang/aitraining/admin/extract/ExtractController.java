package cn.jinjiang.aitraining.admin.extract;

import static cn.jinjiang.aitraining.admin.shared.AdminPages.UNPROCESSABLE;

import cn.jinjiang.aitraining.admin.shared.AdminPages;
import cn.jinjiang.aitraining.admin.shared.FieldErrors;
import cn.jinjiang.aitraining.web.RequestLang;
import cn.jinjiang.aitraining.web.Views;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The extract page: paste a text, see its figures, keep some and open their pre-filled figure
 * forms. Every step here only reads; saving happens in the figure forms, with a reason and audit.
 */
public final class ExtractController {

    private final ExtractService service;
    private final Views views;
    private final AdminPages pages;

    public ExtractController(ExtractService service, Views views, AdminPages pages) {
        this.service = service;
        this.views = views;
        this.pages = pages;
    }

    // GET /admin/extract
    public void form(Context ctx) {
        render(ctx, 200, ExtractForm.blank(), new FieldErrors(), null);
    }

    // POST /admin/extract
    public void extract(Context ctx) {
        ExtractForm form = new ExtractForm(ctx.formParam("text"), ctx.formParam("date"), ctx.formParam("source"));
        FieldErrors errors = new FieldErrors();
        Optional<ExtractForm.Valid> valid = form.validate(pages.today(), errors);
        if (valid.isEmpty()) {
            render(ctx, UNPROCESSABLE, form, errors, null);
            return;
        }
        render(ctx, 200, form, errors, service.extract(valid.get()));
    }

    // POST /admin/extract/review
    public void review(Context ctx) {
        List<ExtractService.ReviewItem> items = service.review(ctx.formParams("keep"),
                index -> ctx.formParam("target_" + index));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("items", items);
        views.html(ctx, "admin/extract-review", model);
    }

    private void render(Context ctx, int status, ExtractForm form, FieldErrors errors, ExtractService.Result result) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("form", form);
        model.put("errors", errors.messages(RequestLang.resolve(ctx)));
        model.put("result", result);
        model.put("maxChars", ExtractForm.MAX_CHARS);
        ctx.status(status);
        views.html(ctx, "admin/extract", model);
    }
}
