package cn.jinjiang.aitraining.export;

import cn.jinjiang.aitraining.events.EventService;
import cn.jinjiang.aitraining.figures.FigureService;
import cn.jinjiang.aitraining.web.HttpCache;
import io.javalin.http.Context;

/** GET /figures.csv and /events.csv, streamed row by row, and /figures.xlsx. */
public final class ExportController {
    private final FigureService figures;
    private final EventService events;
    private final HttpCache cache;

    public ExportController(FigureService figures, EventService events, HttpCache cache) {
        this.figures = figures;
        this.events = events;
        this.cache = cache;
    }

    public void figuresCsv(Context ctx) {
        attachment(ctx, "ai-training-figures.csv");
        cache.respond(ctx, "figures-csv", CsvCells.CONTENT_TYPE, out -> {
            try (CsvCells.CsvOut csv = CsvCells.open(out, FigureExport.COLUMNS)) {
                figures.forEachPublished(f -> csv.row(FigureExport.csvRow(f)));
            }
        });
    }

    /** The same columns and rows as {@link #figuresCsv}, as an Excel workbook the import reads back. */
    public void figuresXlsx(Context ctx) {
        attachment(ctx, "ai-training-figures.xlsx");
        cache.respond(ctx, "figures-xlsx", FigureXlsx.CONTENT_TYPE, out -> FigureXlsx.write(out, figures::forEachPublished));
    }

    public void eventsCsv(Context ctx) {
        attachment(ctx, "ai-training-events.csv");
        cache.respond(ctx, "events-csv", CsvCells.CONTENT_TYPE, out -> {
            try (CsvCells.CsvOut csv = CsvCells.open(out, EventExport.COLUMNS)) {
                events.forEachPublished(e -> csv.row(EventExport.csvRow(e)));
            }
        });
    }

    private static void attachment(Context ctx, String fileName) {
        ctx.header("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
    }
}
