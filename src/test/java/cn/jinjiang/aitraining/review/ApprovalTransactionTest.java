package cn.jinjiang.aitraining.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinjiang.aitraining.admin.figures.AdminFigureService;
import cn.jinjiang.aitraining.admin.figures.FigureChange;
import cn.jinjiang.aitraining.admin.figures.FigureForm;
import cn.jinjiang.aitraining.admin.shared.FieldErrors;
import cn.jinjiang.aitraining.i18n.Lang;
import cn.jinjiang.aitraining.review.gate.ReviewRefused;
import cn.jinjiang.aitraining.review.gate.ReviewableKind;
import cn.jinjiang.aitraining.review.gate.ShownDifference;
import cn.jinjiang.aitraining.review.gate.SubmittedForm;
import cn.jinjiang.aitraining.support.TestApp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Approving is one transaction: a kind whose apply has already written through the figures
 * service (its own transaction, joined to the approval's) and then fails leaves no trace — no
 * figure change, no audit entry, the change still waiting.
 */
class ApprovalTransactionTest {
    static final String FAILS_LATE = "test.fails_after_writing";
    TestApp app;

    @BeforeEach void start() { app = TestApp.start(); }

    @AfterEach void stop() { app.close(); }

    /** Corrects ai-lectures to 7 through the real service, then refuses, as a kind that finds a late problem would. */
    private record FailsAfterWriting(AdminFigureService figures) implements ReviewableKind {
        @Override public String kind() { return FAILS_LATE; }
        @Override public String targetType() { return "figure"; }
        @Override public String targetLabel(String key, SubmittedForm form, Lang lang) { return key; }
        @Override public Optional<Integer> versionNow(String key) { return Optional.empty(); }
        @Override public List<ShownDifference> differences(String key, SubmittedForm form, Lang lang) { return List.of(); }

        @Override public void apply(String key, SubmittedForm form, String proposer, LocalDate today) {
            FigureChange change = FigureForm.of(figures.state(key).orElseThrow())
                    .with("mode", "correction").with("value", "7").with("reason", "written, then refused")
                    .validate(FigureForm.Purpose.EDIT, today, new FieldErrors()).orElseThrow();
            figures.edit(key, change, proposer).orElseThrow();
            throw new ReviewRefused("review.refused.invalid");
        }
    }

    private <T> T one(String sql, Class<T> type) {
        return app.database().jdbi().withHandle(h -> h.createQuery(sql).mapTo(type).one());
    }

    @Test
    void aFailureAfterTheServiceWroteRollsBackTheWholeApproval() {
        ReviewService review = app.services().review();
        review.register(new FailsAfterWriting(app.services().adminFigures()));
        long id = new PendingChangeDao(app.database().jdbi()).insert(FAILS_LATE, "figure", "ai-lectures",
                "{\"reason\":[\"r\"]}", null, "ed", 0L, "r");
        long entries = one("SELECT COUNT(*) FROM audit_entry", Long.class);
        String before = app.cookielessClient().get("/api/figures/ai-lectures").body();

        ReviewConflict failed = assertThrows(ReviewConflict.class,
                () -> review.approve(id, "pub", "ok", LocalDate.of(2025, 6, 30)));
        assertEquals("review.refused.invalid", failed.messageKey());

        assertEquals(before, app.cookielessClient().get("/api/figures/ai-lectures").body(), "the service's write was undone");
        assertTrue(before.contains("\"value\":6"));
        assertEquals(entries, one("SELECT COUNT(*) FROM audit_entry", Long.class), "and its audit entry");
        assertEquals("pending", one("SELECT status FROM pending_change WHERE id = " + id, String.class));
        assertNull(app.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT reviewed_by FROM pending_change WHERE id = :id").bind("id", id).mapTo(String.class).one()));
    }
}
