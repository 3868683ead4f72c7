package cn.jinjiang.aitraining.review;

import cn.jinjiang.aitraining.admin.shared.DuplicateKey;
import cn.jinjiang.aitraining.admin.shared.EditConflict;
import cn.jinjiang.aitraining.audit.AuditDao;
import cn.jinjiang.aitraining.audit.AuditWriter;
import cn.jinjiang.aitraining.auth.AdminSession;
import cn.jinjiang.aitraining.auth.Role;
import cn.jinjiang.aitraining.i18n.Lang;
import cn.jinjiang.aitraining.review.gate.ReviewGate;
import cn.jinjiang.aitraining.review.gate.ReviewRefused;
import cn.jinjiang.aitraining.review.gate.ReviewableKind;
import cn.jinjiang.aitraining.review.gate.ShownDifference;
import cn.jinjiang.aitraining.review.gate.SubmittedForm;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Review before publishing: the require-review setting, the gate every admin write passes
 * ({@link ReviewGate}), and approving or rejecting what waits. Approving runs the kind's own apply
 * (the direct save's validation and service call) inside one transaction with the status change,
 * and stamps the audit entries it wrote with the publisher's name.
 */
public final class ReviewService implements ReviewGate {
    /** The {@code setting} row that switches review on. */
    public static final String REQUIRE_REVIEW = "require_review";
    /** The audit log's entity type for settings. */
    public static final String SETTING = "setting";
    /** A review page shows at most this many waiting changes, and this many of one's own. */
    static final int LIST_LIMIT = 200;
    static final int MINE_LIMIT = 30;

    private final Jdbi jdbi;
    private final PendingChangeDao dao;
    private final SettingDao settings;
    private final AuditDao auditDao;
    private final AuditWriter audit;
    private final Clock clock;
    /** Reads and writes a held form's fields; made on first use, not at start (Jackson's set-up is costly on a cold JVM). */
    private static final class FormJson {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }
    private final Map<String, ReviewableKind> kinds = new LinkedHashMap<>();

    public ReviewService(Jdbi jdbi, PendingChangeDao dao, SettingDao settings, AuditDao auditDao, AuditWriter audit,
                         Clock clock) {
        this.jdbi = jdbi;
        this.dao = dao;
        this.settings = settings;
        this.auditDao = auditDao;
        this.audit = audit;
        this.clock = clock;
    }

    /** Called once at start-up for each kind of change that can wait for review. */
    public void register(ReviewableKind kind) {
        if (kinds.putIfAbsent(kind.kind(), kind) != null) throw new IllegalStateException("registered twice: " + kind.kind());
    }

    // ---- the setting ----

    /** The setting as the form shows it. */
    public record RequireReview(boolean on, int version) {}

    /** The stored state of a setting, as its audit entries keep it. */
    public record SettingState(String name, String value, int version) {}

    public RequireReview requireReview() {
        return jdbi.withHandle(h -> settings.find(h, REQUIRE_REVIEW)
                .map(s -> new RequireReview(Boolean.parseBoolean(s.value()), s.version()))
                .orElse(new RequireReview(false, 0)));
    }

    /** Switches review on or off, audited; refused with {@link SettingConflict} when read at an older version. */
    public void changeRequireReview(boolean on, int version, String reason, String username) {
        jdbi.useTransaction(h -> {
            SettingDao.Setting before = settings.find(h, REQUIRE_REVIEW).orElseThrow();
            if (before.version() != version
                    || !settings.update(h, REQUIRE_REVIEW, String.valueOf(on), version, clock.millis())) {
                throw new SettingConflict(Boolean.parseBoolean(before.value()));
            }
            SettingDao.Setting after = settings.find(h, REQUIRE_REVIEW).orElseThrow();
            audit.record(h, username, "change_setting", SETTING, REQUIRE_REVIEW, state(before), state(after), reason, null);
        });
    }

    private static SettingState state(SettingDao.Setting s) {
        return new SettingState(s.name(), s.value(), s.version());
    }

    // ---- the gate ----

    /** Whether a change by this account must wait: review is on and the account is an editor. */
    public boolean mustWait(AdminSession session) {
        return session != null && session.role() == Role.EDITOR && requireReview().on();
    }

    @Override
    public Optional<String> hold(AdminSession session, String kind, String targetKey, Integer baseVersion,
                                 Map<String, List<String>> form) {
        if (!mustWait(session)) return Optional.empty();
        ReviewableKind k = kinds.get(kind);
        if (k == null) throw new IllegalStateException("no reviewable kind " + kind);
        Map<String, List<String>> kept = new LinkedHashMap<>(form);
        kept.remove("_csrf");
        String reason = Optional.ofNullable(new SubmittedForm(kept).param("reason")).map(String::strip).orElse("");
        String target = targetKey == null ? "" : targetKey.substring(0, Math.min(targetKey.length(), 80));
        long id = dao.insert(kind, k.targetType(), target, write(kept), baseVersion,
                session.username(), clock.millis(), reason);
        return Optional.of("/admin/review/" + id);
    }

    // ---- reading ----

    /** A change as the review pages show it: what, on what, the diff, and whether its target moved on. */
    public record Shown(PendingChange change, String targetLabel, List<ShownDifference> differences,
                        boolean targetChanged) {}

    public int waitingCount() {
        return dao.waitingCount();
    }

    public List<Shown> waiting(Lang lang) {
        return dao.waiting(LIST_LIMIT).stream().map(p -> shown(p, lang)).toList();
    }

    public List<Shown> proposedBy(String username, Lang lang) {
        return dao.proposedBy(username, MINE_LIMIT).stream().map(p -> shown(p, lang)).toList();
    }

    public Optional<Shown> one(long id, Lang lang) {
        return dao.find(id).map(p -> shown(p, lang));
    }

    private Shown shown(PendingChange p, Lang lang) {
        ReviewableKind k = kinds.get(p.kind());
        if (k == null) return new Shown(p, p.targetKey(), List.of(), false);
        SubmittedForm form = form(p);
        boolean changed = p.pending() && p.baseVersion() != null
                && k.versionNow(p.targetKey()).map(v -> !v.equals(p.baseVersion())).orElse(false);
        List<ShownDifference> diff = p.pending() ? k.differences(p.targetKey(), form, lang) : List.of();
        return new Shown(p, k.targetLabel(p.targetKey(), form, lang), diff, changed);
    }

    // ---- deciding ----

    /**
     * Applies a waiting change, in one transaction with its audit entries (which name the proposer
     * as author and {@code publisher} as approver) and the change's new status. Refused
     * ({@link ReviewRefused}) when it is not waiting or is the publisher's own; a
     * {@link ReviewConflict} when it no longer applies (nothing is written then).
     */
    public void approve(long id, String publisher, String comment, LocalDate today) {
        jdbi.useTransaction(h -> {
            PendingChange p = decidable(dao.find(h, id), publisher);
            ReviewableKind k = kinds.get(p.kind());
            if (k == null) throw new ReviewRefused("review.refused.unknown_kind");
            if (p.baseVersion() != null && k.versionNow(p.targetKey()).map(v -> !v.equals(p.baseVersion())).orElse(false)) {
                throw new ReviewConflict("review.conflict.changed");
            }
            long lastEntry = auditDao.lastId(h);
            try {
                k.apply(p.targetKey(), form(p), p.proposedBy(), today);
            } catch (EditConflict | DuplicateKey moved) {
                throw new ReviewConflict("review.conflict.changed");
            } catch (ReviewRefused refused) {
                throw new ReviewConflict(refused.messageKey(), refused.args());
            }
            auditDao.markApproved(h, lastEntry, publisher);
            if (!dao.review(h, id, PendingChange.APPROVED, publisher, blankToNull(comment), clock.millis())) {
                throw new ReviewRefused("review.refused.already_reviewed");
            }
        });
    }

    /** Closes a waiting change without applying it; the proposer sees the comment. */
    public void reject(long id, String reviewer, String comment) {
        jdbi.useTransaction(h -> {
            decidable(dao.find(h, id), reviewer);
            if (!dao.review(h, id, PendingChange.REJECTED, reviewer, blankToNull(comment), clock.millis())) {
                throw new ReviewRefused("review.refused.already_reviewed");
            }
        });
    }

    private static PendingChange decidable(Optional<PendingChange> found, String reviewer) {
        PendingChange p = found.orElseThrow(() -> new ReviewRefused("review.refused.not_found"));
        if (!p.pending()) throw new ReviewRefused("review.refused.already_reviewed");
        if (p.proposedBy().equals(reviewer)) throw new ReviewRefused("review.refused.own_change");
        return p;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private SubmittedForm form(PendingChange p) {
        try {
            return new SubmittedForm(FormJson.MAPPER.readValue(p.formJson(), new TypeReference<Map<String, List<String>>>() {}));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable pending change " + p.id(), e);
        }
    }

    private String write(Map<String, List<String>> form) {
        try {
            return FormJson.MAPPER.writeValueAsString(form);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store a pending change", e);
        }
    }
}
