package cn.jinjiang.aitraining.export;

import cn.jinjiang.aitraining.events.EventQuery;
import cn.jinjiang.aitraining.events.EventService;
import cn.jinjiang.aitraining.figures.FigureQuery;
import cn.jinjiang.aitraining.figures.FigureService;
import cn.jinjiang.aitraining.i18n.Lang;
import cn.jinjiang.aitraining.web.HttpCache;
import cn.jinjiang.aitraining.web.NotFound;
import cn.jinjiang.aitraining.web.RequestLang;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * GET /figures.csv, /events.csv and /observations.csv, streamed row by row, and /figures.xlsx. The plain downloads are
 * cached with their ETag; a filtered one (the table's filter carried by its download link) holds
 * exactly the rows of that view, in its order, and is written for its request only.
 */
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
        FigureQuery query = FigureQuery.parse(ctx::queryParam);
        Lang lang = RequestLang.resolve(ctx);
        attachment(ctx, "ai-training-figures.csv");
        respond(ctx, query.isFiltered(), "figures-csv", out -> {
            try (CsvCells.CsvOut csv = CsvCells.open(out, FigureExport.COLUMNS)) {
                figures.forEach(query, lang, f -> csv.row(FigureExport.csvRow(f)));
            }
        });
    }

    /** The same columns and rows as {@link #figuresCsv}, as an Excel workbook the import reads back. */
    public void figuresXlsx(Context ctx) {
        attachment(ctx, "ai-training-figures.xlsx");
        cache.respond(ctx, "figures-xlsx", FigureXlsx.CONTENT_TYPE, out -> FigureXlsx.write(out, figures::forEachPublished));
    }

    public void eventsCsv(Context ctx) {
        EventQuery query = EventQuery.parse(ctx::queryParam);
        attachment(ctx, "ai-training-events.csv");
        respond(ctx, query.isFiltered(), "events-csv", out -> {
            try (CsvCells.CsvOut csv = CsvCells.open(out, EventExport.COLUMNS)) {
                events.forEach(query, e -> csv.row(EventExport.csvRow(e)));
            }
        });
    }

    /** GET /observations.csv : every past value of the published figures the query lets through. */
    public void observationsCsv(Context ctx) {
        FigureQuery query = FigureQuery.parse(ctx::queryParam);
        if (query.key() != null && !figures.isPublished(query.key())) throw new NotFound("figure_not_found");
        Lang lang = RequestLang.resolve(ctx);
        attachment(ctx, query.key() == null ? "ai-training-observations.csv"
                : "ai-training-observations-" + query.key().replaceAll("[^A-Za-z0-9._-]", "_") + ".csv");
        respond(ctx, query.isFiltered(), "observations-csv", out -> {
            try (CsvCells.CsvOut csv = CsvCells.open(out, ObservationExport.COLUMNS)) {
                figures.forEachObservation(query, lang, o -> csv.row(ObservationExport.csvRow(o)));
            }
        });
    }

    /** The plain download through the cache (ETag, 304, kept bytes); a filtered one streamed for this request. */
    private void respond(Context ctx, boolean filtered, String representation, HttpCache.Body body) {
        if (!filtered) {
            cache.respond(ctx, representation, CsvCells.CONTENT_TYPE, body);
            return;
        }
        ctx.header("Cache-Control", "no-cache");
        ctx.contentType(CsvCells.CONTENT_TYPE);
        try {
            OutputStream out = ctx.outputStream();
            body.writeTo(out);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void attachment(Context ctx, String fileName) {
        ctx.header("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
    }
}
