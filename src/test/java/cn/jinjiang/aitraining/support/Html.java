package cn.jinjiang.aitraining.support;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jsoup.Connection;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.FormElement;

/**
 * Reading the server's pages with jsoup, never with regular expressions.
 * API: {@link #parse}, {@link #form}, {@link #fields}, {@link #csrf}, {@link #errorSummary}, {@link #flash},
 * {@link #one}.
 */
public final class Html {
    private Html() {}

    public static Document parse(HttpResponse<String> response) {
        return Jsoup.parse(response.body(), response.uri().toString());
    }

    public static Document parse(String html) {
        return Jsoup.parse(html);
    }

    /** The single element the CSS query matches; fails clearly when there is none. */
    public static Element one(Element page, String cssQuery) {
        Element found = page.selectFirst(cssQuery);
        if (found == null) throw new AssertionError("nothing matches " + cssQuery + " in:\n" + page.outerHtml());
        return found;
    }

    /** The form with this id. */
    public static FormElement form(Document page, String formId) {
        if (!(one(page, "form#" + formId) instanceof FormElement form)) throw new AssertionError(formId + " is not a form");
        return form;
    }

    /**
     * What a browser would submit from the form unchanged (inputs, checked boxes, selected options,
     * textareas), as a map the test can change and post.
     */
    public static Map<String, String> fields(Document page, String formId) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (Connection.KeyVal field : form(page, formId).formData()) fields.put(field.key(), field.value());
        return fields;
    }

    /** The session's CSRF token as the page carries it. */
    public static String csrf(Document page) {
        Element token = page.selectFirst("input[name=_csrf]");
        if (token == null) throw new AssertionError("no CSRF token in page:\n" + page.outerHtml());
        return token.val();
    }

    /**
     * The error summary at the top of a form page: each field it links to, with its message, in
     * page order. Empty when the page shows no summary.
     */
    public static Map<String, String> errorSummary(Document page) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (Element link : page.select(".error-summary a[href^=#]")) errors.put(link.attr("href").substring(1), link.text());
        return errors;
    }

    /** The flash message the admin pages show after a change, if any. */
    public static Optional<String> flash(Document page) {
        return Optional.ofNullable(page.selectFirst("#flash")).map(Element::text);
    }
}
