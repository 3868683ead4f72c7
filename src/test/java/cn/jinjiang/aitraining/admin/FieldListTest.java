package cn.jinjiang.aitraining.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinjiang.aitraining.admin.events.EventFields;
import cn.jinjiang.aitraining.admin.figures.FigureFields;
import cn.jinjiang.aitraining.admin.shared.FormField;
import cn.jinjiang.aitraining.support.Html;
import cn.jinjiang.aitraining.support.TestApp;
import cn.jinjiang.aitraining.support.WebClient;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The figure and event forms are drawn from their field lists (issue 8: a field is declared once):
 * each page shows exactly the listed fields, under their names, with a label and a message of
 * their own when missing, and echoes what was typed. Only reads and refused posts: one server.
 */
class FieldListTest {
    static TestApp app;
    static WebClient c;

    @BeforeAll static void start() {
        app = TestApp.start();
        c = app.signedIn();
    }

    @AfterAll static void stop() { app.close(); }

    /** The names a form posts, besides the CSRF token, the version, the values it was read with and the kind of change. */
    private static Set<String> posted(Document page, String formId) {
        Set<String> names = new LinkedHashSet<>();
        for (Element e : Html.form(page, formId).select("input[name], select[name], textarea[name]")) names.add(e.attr("name"));
        names.removeAll(List.of("_csrf", "version", "orig", "mode"));
        return names;
    }

    private static List<String> names(List<FormField> fields, boolean isNew) {
        return fields.stream().filter(f -> f.shownWhen(isNew)).map(FormField::name).toList();
    }

    @Test
    void eachFormShowsExactlyItsListedFieldsInOrderWithLabels() {
        record Case(String path, String formId, List<FormField> fields, boolean isNew) {}
        for (Case k : List.of(new Case("/admin/figures/new", "figure-form", FigureFields.FORM, true),
                new Case("/admin/figures/ai-lectures", "figure-form", FigureFields.FORM, false),
                new Case("/admin/events/new", "event-form", EventFields.FORM, true),
                new Case("/admin/events/lecture-2025-02-28", "event-form", EventFields.FORM, false))) {
            Document page = c.page(k.path());
            assertEquals(names(k.fields(), k.isNew()), new ArrayList<>(posted(page, k.formId())), k.path());
            for (String name : names(k.fields(), k.isNew())) {
                Element label = Html.one(page, "label[for=" + name + "]");
                assertTrue(!label.text().isBlank() && !label.text().startsWith("??"), name + ": " + label.outerHtml());
            }
        }
    }

    @Test
    void everyListedFieldIsEchoedAndRefusedOnItsOwn() {
        Map<String, String> form = c.form("/admin/figures/ai-lectures", "figure-form");
        for (FormField f : FigureFields.FORM) {
            if (f.newOnly() || f.kind() == FormField.Kind.SELECT) continue;
            form.put(f.name(), "typed \u0007 " + f.name());
        }
        Document page = Html.parse(c.post("/admin/figures/ai-lectures", form));
        Map<String, String> summary = Html.errorSummary(page);
        Map<String, String> echoed = Html.fields(page, "figure-form");
        for (FormField f : FigureFields.FORM) {
            if (f.newOnly() || f.kind() == FormField.Kind.SELECT) continue;
            assertTrue(summary.containsKey(f.name()), f.name() + " refused: " + summary.keySet());
            assertEquals("typed \u0007 " + f.name(), echoed.get(f.name()), f.name() + " echoed");
        }
    }
}
