package cn.jinjiang.aitraining.imports;

import cn.jinjiang.aitraining.admin.figures.AdminFigureDao;
import cn.jinjiang.aitraining.admin.figures.AdminFigureService;
import cn.jinjiang.aitraining.admin.figures.FigureChange;
import cn.jinjiang.aitraining.admin.figures.FigureConflict;
import cn.jinjiang.aitraining.admin.figures.FigureFields;
import cn.jinjiang.aitraining.admin.figures.FigureForm;
import cn.jinjiang.aitraining.admin.figures.FigureState.ObservationState;
import cn.jinjiang.aitraining.admin.figures.FigureState;
import cn.jinjiang.aitraining.admin.shared.EditableField;
import cn.jinjiang.aitraining.admin.shared.FieldErrors;
import cn.jinjiang.aitraining.audit.Change;
import cn.jinjiang.aitraining.export.FigureExport;
import cn.jinjiang.aitraining.values.Qualifier;
import cn.jinjiang.aitraining.values.Quantity;
import cn.jinjiang.aitraining.values.UnusualChange;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * The import: the format of {@code /figures.csv} and {@code /figures.xlsx} ({@link FigureExport#COLUMNS})
 * read back, from a CSV (UTF-8 or GBK) or an xlsx.
 * {@link #preview} changes nothing; {@link #apply} applies every row in one transaction or none.
 */
public final class ImportService {
    public static final int MAX_BYTES = 2 * 1024 * 1024;
    public static final int MAX_ROWS = 5_000;
    /**
     * The columns of {@code /figures.csv} and {@code /figures.xlsx} (a download imports back
     * unchanged), {@code source_author}: the article's author, optional like the headline, and an
     * optional {@code public_note}: the row's note for readers, published with its change.
     */
    static final List<String> COLUMNS = java.util.stream.Stream.concat(FigureExport.COLUMNS.stream(),
            java.util.stream.Stream.of("source_author", FigureFields.PUBLIC_NOTE)).distinct().toList();
    static final List<String> REQUIRED = List.of("key", "label_zh", "label_en", "category", "value", "unit",
            "qualifier", "period", "as_of", "source", "source_date", "quote");

    private final Jdbi jdbi;
    private final AdminFigureDao dao;
    private final AdminFigureService figures;
    private final SecureRandom random = new SecureRandom();

    public ImportService(Jdbi jdbi, AdminFigureDao dao, AdminFigureService figures) {
        this.jdbi = jdbi;
        this.dao = dao;
        this.figures = figures;
    }

    /**
     * Reads an upload without changing anything: an {@code .xlsx} (recognised by its content, or
     * named so) or a CSV.
     */
    public ImportPlan preview(String fileName, byte[] bytes, LocalDate today) {
        String id = token();
        List<ImportPlan.Problem> problems = new ArrayList<>();
        if (bytes.length > MAX_BYTES) {
            problems.add(new ImportPlan.Problem(0, null, "import.too_large", new Object[] {2}));
            return new ImportPlan(id, fileName, "", List.of(), problems);
        }
        boolean xlsx = XlsxUpload.looksLikeZip(bytes) || XlsxUpload.looksLikeOldExcel(bytes)
                || (fileName != null && fileName.strip().toLowerCase(Locale.ROOT).endsWith(".xlsx"));
        UploadedTable table = xlsx ? XlsxUpload.read(bytes, MAX_ROWS) : CsvUpload.read(bytes, MAX_ROWS);
        if (!table.readable()) {
            problems.add(new ImportPlan.Problem(0, null, table.problem(), table.args()));
            return new ImportPlan(id, fileName, table.format(), List.of(), problems);
        }
        List<String> header = table.header();
        List<ImportPlan.Row> rows = new ArrayList<>();
        if (!checkHeader(header, problems)) return new ImportPlan(id, fileName, table.format(), rows, problems);
        Map<String, Integer> seen = new HashMap<>();
        Map<String, FigureState> current = new HashMap<>();
        jdbi.useHandle(h -> dao.all(h).forEach(f -> current.put(f.key(), f)));
        for (UploadedTable.Line line : table.lines()) {
            if (rows.size() >= MAX_ROWS) {
                problems.add(new ImportPlan.Problem(line.number(), null, "import.too_many_rows", new Object[] {MAX_ROWS}));
                break;
            }
            if (line.cells().size() != header.size()) {
                problems.add(new ImportPlan.Problem(line.number(), null, "import.cell_count",
                        new Object[] {line.cells().size(), header.size()}));
                continue;
            }
            Map<String, String> cells = new HashMap<>();
            for (int i = 0; i < header.size(); i++) cells.put(header.get(i), line.cells().get(i));
            row(line.number(), cells, seen, current, today, rows, problems);
        }
        if (rows.isEmpty() && problems.isEmpty()) problems.add(new ImportPlan.Problem(0, null, "import.empty", new Object[0]));
        return new ImportPlan(id, fileName, table.format(), rows, problems);
    }

    private static boolean checkHeader(List<String> header, List<ImportPlan.Problem> problems) {
        Set<String> seen = new LinkedHashSet<>();
        for (String column : header) {
            if (!COLUMNS.contains(column)) {
                problems.add(new ImportPlan.Problem(1, column, "import.unknown_column",
                        new Object[] {column, String.join(", ", COLUMNS)}));
            } else if (!seen.add(column)) {
                problems.add(new ImportPlan.Problem(1, column, "import.duplicate_column", new Object[] {column}));
            }
        }
        for (String required : REQUIRED) {
            if (!header.contains(required)) problems.add(new ImportPlan.Problem(1, required, "import.missing_column", new Object[] {required}));
        }
        return problems.isEmpty();
    }

    private static void row(int line, Map<String, String> c, Map<String, Integer> seen, Map<String, FigureState> current,
                            LocalDate today, List<ImportPlan.Row> rows, List<ImportPlan.Problem> problems) {
        String key = c.getOrDefault("key", "").strip();
        Integer earlier = key.isEmpty() ? null : seen.putIfAbsent(key, line);
        if (earlier != null) {
            problems.add(new ImportPlan.Problem(line, "key", "import.duplicate_key", new Object[] {key, earlier}));
            return;
        }
        FigureForm form = new FigureForm("report", c.get("key"), c.get("category"), c.get("label_zh"), c.get("label_en"),
                c.get("value"), c.get("unit"), c.get("qualifier"), c.get("qualifier_word"), c.get("period"),
                c.get("period_en"), ImportDates.normalise(c.get("as_of")), c.get("source"),
                ImportDates.normalise(c.get("source_date")), c.get("source_headline"),
                c.get("quote"), "import", "0").with("source_author", c.get("source_author"));
        FieldErrors errors = new FieldErrors();
        Optional<FigureChange> parsed = form.validate(true, today, errors);
        String unitEn = errors.text("unit_en", c.get("unit_en"), false, 60);
        String sourceEn = errors.text("source_en", c.get("source_en"), false, 100);
        String publicNote = errors.text(FigureFields.PUBLIC_NOTE, c.get(FigureFields.PUBLIC_NOTE), false,
                FigureFields.PUBLIC_NOTE_MAX);
        Boolean headline = null;
        String rawHeadline = c.getOrDefault("headline", "").strip();
        if (!rawHeadline.isEmpty()) {
            if (rawHeadline.equalsIgnoreCase("true")) headline = true;
            else if (rawHeadline.equalsIgnoreCase("false")) headline = false;
            else errors.add("headline", "import.boolean");
        }
        if (parsed.isEmpty() || !errors.isEmpty()) {
            errors.all().forEach((column, e) -> problems.add(new ImportPlan.Problem(line, column,
                    // the form's message names only YYYY-MM-DD; the import reads more forms
                    e.key().equals("validation.date.format") ? "import.date_format" : e.key(), e.args())));
            return;
        }
        FigureChange p = parsed.get();
        FigureState before = current.get(p.key());
        ImportPlan.Action action;
        if (before == null) {
            action = ImportPlan.Action.CREATE;
        } else {
            ObservationState latest = before.latest();
            boolean sameObservation = latest != null && latest.value().compareTo(p.value()) == 0
                    && latest.unit().equals(p.unit()) && latest.qualifier().equals(p.qualifier())
                    && Objects.equals(latest.qualifierWord(), p.qualifierWord()) && latest.periodZh().equals(p.periodZh())
                    && latest.periodEn().equals(p.periodEn()) && latest.asOf().equals(p.asOf())
                    && latest.source().equals(p.source()) && latest.sourceDate().equals(p.sourceDate())
                    && latest.quote().equals(p.quote());
            boolean sameFields = before.labelZh().equals(p.labelZh()) && before.labelEn().equals(p.labelEn())
                    && before.category().equals(p.category())
                    && (unitEn == null || unitEn.equals(before.unitEn()))
                    && (headline == null || headline == before.headline());
            if (sameObservation && sameFields) action = ImportPlan.Action.UNCHANGED;
            else if (latest != null && latest.asOf().equals(p.asOf()) && latest.source().equals(p.source())
                    && latest.sourceDate().equals(p.sourceDate())) action = ImportPlan.Action.CORRECTION;
            else action = ImportPlan.Action.REPORT;
        }
        FigureChange.Mode mode = action == ImportPlan.Action.CORRECTION ? FigureChange.Mode.CORRECTION : FigureChange.Mode.REPORT;
        int baseVersion = before == null ? 0 : before.version();
        FigureChange change = new FigureChange(mode, p.key(), p.category(), p.labelZh(), p.labelEn(), unitEn, headline,
                p.value(), p.unit(), p.qualifier(), p.qualifierWord(), p.periodZh(), p.periodEn(), p.asOf(), p.source(),
                sourceEn, p.sourceDate(), p.sourceHeadline(), p.sourceAuthor(), p.quote(), null, baseVersion)
                .withPublicNote(publicNote);
        rows.add(new ImportPlan.Row(line, p.key(), action, changes(before, change), baseVersion, change,
                action == ImportPlan.Action.UNCHANGED ? List.of() : unusual(before, change, action)));
    }

    /** What {@link UnusualChange} finds in a row's new value, against the figure's current one. */
    private static List<ImportPlan.Unusual> unusual(FigureState before, FigureChange after, ImportPlan.Action action) {
        ObservationState latest = before == null ? null : before.latest();
        Quantity current = latest == null ? null : latest.quantity();
        String currentUnitEn = before == null ? null : before.unitEn();
        String proposedUnitEn = after.unitEn() != null ? after.unitEn() : currentUnitEn;
        Quantity proposed = new Quantity(after.value(), after.unit(), Qualifier.fromCode(after.qualifier()),
                after.qualifierWord());
        return UnusualChange.check(current, latest == null ? null : latest.periodZh(), proposed, after.periodZh(),
                        action != ImportPlan.Action.CORRECTION).stream()
                .map(w -> new ImportPlan.Unusual(w, current, currentUnitEn, proposed, proposedUnitEn, after.periodZh()))
                .toList();
    }

    /** The fields a row would change, before → after, for the preview: the figure's fields that differ. */
    private static List<Change> changes(FigureState before, FigureChange after) {
        return EditableField.compare(FigureFields.ALL, before, FigureForm.of(after)).stream()
                .filter(EditableField.Difference::differs)
                .map(d -> new Change(d.field(), d.saved(), d.proposed()))
                .toList();
    }

    /**
     * Applies every changing row in one transaction with one reason. If any figure changed since
     * the preview, nothing is applied ({@link FigureConflict}). A plan with unusual values needs
     * {@code unusualConfirmed}.
     */
    public int apply(ImportPlan plan, String reason, String username, boolean unusualConfirmed) {
        if (plan.hasProblems()) throw new IllegalStateException("an import with errors cannot be applied");
        // the controller asks for the confirmation; this keeps any other caller from skipping it
        if (plan.hasUnusual() && !unusualConfirmed) throw new IllegalStateException("unusual values were not confirmed");
        return jdbi.inTransaction(h -> {
            int applied = 0;
            for (ImportPlan.Row row : plan.rows()) {
                if (row.action() == ImportPlan.Action.UNCHANGED) continue;
                FigureChange c = withReason(row.change(), reason);
                Optional<FigureState> now = dao.figure(h, row.key());
                if (row.action() == ImportPlan.Action.CREATE) {
                    if (now.isPresent()) throw new FigureConflict(now.get());
                    figures.create(h, c, "import", username);
                } else {
                    if (now.isEmpty() || now.get().version() != row.baseVersion()) throw new FigureConflict(now.orElse(null));
                    figures.apply(h, now.get(), c, "import", username);
                }
                applied++;
            }
            return applied;
        });
    }

    private static FigureChange withReason(FigureChange c, String reason) {
        return new FigureChange(c.mode(), c.key(), c.category(), c.labelZh(), c.labelEn(), c.unitEn(), c.headline(),
                c.value(), c.unit(), c.qualifier(), c.qualifierWord(), c.periodZh(), c.periodEn(), c.asOf(), c.source(),
                c.sourceEn(), c.sourceDate(), c.sourceHeadline(), c.sourceAuthor(), c.quote(), reason, c.version())
                .withPublicNote(c.publicNote());
    }

    private String token() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
