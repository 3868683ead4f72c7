package cn.jinjiang.aitraining.imports;

import cn.jinjiang.aitraining.audit.Change;
import cn.jinjiang.aitraining.i18n.Lang;
import cn.jinjiang.aitraining.i18n.Messages;
import cn.jinjiang.aitraining.review.gate.ReviewRefused;
import cn.jinjiang.aitraining.review.gate.ReviewableKind;
import cn.jinjiang.aitraining.review.gate.ShownDifference;
import cn.jinjiang.aitraining.review.gate.SubmittedForm;
import cn.jinjiang.aitraining.values.UnusualChange;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A confirmed import (POST /admin/import/{id}/apply) as it waits for review (issue 13). The plan
 * the editor previewed is kept with the form, so approving applies exactly what was previewed, with
 * the same service call; a figure changed since the preview refuses the whole import.
 */
public final class ImportReviewKind implements ReviewableKind {
    public static final String KIND = "import";
    /** The form field that carries the previewed plan, as JSON. */
    static final String PLAN_FIELD = "import_plan";

    /** Made on the first import, not when the kind is registered at start (Jackson's set-up is costly on a cold JVM). */
    private static final class Plans {
        static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    private final ImportService imports;

    public ImportReviewKind(ImportService imports) {
        this.imports = imports;
    }

    /** The posted form with the plan it confirms. */
    static Map<String, List<String>> formWithPlan(Map<String, List<String>> form, ImportPlan plan) {
        Map<String, List<String>> out = new LinkedHashMap<>(form);
        try {
            out.put(PLAN_FIELD, List.of(Plans.JSON.writeValueAsString(plan)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot keep an import plan", e);
        }
        return out;
    }

    @Override public String kind() { return KIND; }

    @Override public String targetType() { return "import"; }

    @Override public String targetLabel(String fileName, SubmittedForm form, Lang lang) {
        long rows = plan(form).map(ImportPlan::changing).orElse(0L);
        return Messages.get(lang, "review.import.target", fileName, rows);
    }

    /** Each row checks its own figure's version when applied. */
    @Override public Optional<Integer> versionNow(String fileName) { return Optional.empty(); }

    @Override public List<ShownDifference> differences(String fileName, SubmittedForm form, Lang lang) {
        List<ShownDifference> out = new ArrayList<>();
        plan(form).ifPresent(p -> {
            for (ImportPlan.Row row : p.rows()) {
                if (row.action() == ImportPlan.Action.UNCHANGED) continue;
                for (Change c : row.changes()) {
                    out.add(new ShownDifference(row.key() + " · " + Messages.get(lang, "admin.field." + c.field()),
                            c.before(), c.after()));
                }
            }
        });
        return out;
    }

    @Override public void apply(String fileName, SubmittedForm form, String proposer, LocalDate today) {
        ImportPlan plan = plan(form).orElseThrow(() -> new ReviewRefused("review.refused.invalid"));
        String reason = form.param("reason");
        if (reason == null || reason.isBlank()) throw new ReviewRefused("review.refused.invalid");
        boolean confirmed = UnusualChange.confirmed(form.param(UnusualChange.CONFIRM_FIELD));
        if (plan.hasUnusual() && !confirmed) throw new ReviewRefused("review.refused.invalid");
        imports.apply(plan, reason.strip(), proposer, confirmed);
    }

    private static Optional<ImportPlan> plan(SubmittedForm form) {
        String json = form.param(PLAN_FIELD);
        if (json == null) return Optional.empty();
        try {
            return Optional.of(Plans.JSON.readValue(json, ImportPlan.class));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
