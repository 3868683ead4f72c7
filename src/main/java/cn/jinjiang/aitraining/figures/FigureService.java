package cn.jinjiang.aitraining.figures;

import cn.jinjiang.aitraining.i18n.Lang;
import cn.jinjiang.aitraining.paging.Page;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** What viewers may read about figures: only figures that are not archived. */
public final class FigureService {
    private final FigureDao dao;

    public FigureService(FigureDao dao) {
        this.dao = dao;
    }

    public List<FigureSnapshot> headline() { return dao.listHeadline(); }

    public List<FigureSnapshot> byKeys(List<String> keys) { return dao.findCurrent(keys); }

    public Page<FigureSnapshot> page(int pageNumber, int pageSize) {
        int total = dao.countCurrent();
        Page.Request request = Page.Request.of(pageNumber, pageSize, total);
        return new Page<>(dao.listCurrent(request.size(), request.offset()), request.number(), request.size(), total);
    }

    /**
     * One page of the figures table as {@code query} filters and sorts it (the plain table uses the
     * paging index). The page query counts the filtered rows itself, so a page that exists costs one
     * query; a page number past the end (an old link after the data changed) is counted separately
     * and answered with the last page, as the plain table does.
     */
    public Page<FigureSnapshot> table(FigureQuery query, Lang lang, int pageNumber, int pageSize) {
        if (!query.isFiltered()) return page(pageNumber, pageSize);
        Page.Request asked = new Page.Request(Math.max(1, pageNumber), pageSize);
        FigureDao.Found found = dao.search(query, lang, asked.size(), asked.offset());
        if (!found.items().isEmpty() || asked.number() == 1) {
            return new Page<>(found.items(), asked.number(), asked.size(), found.total());
        }
        int total = dao.count(query);
        Page.Request last = Page.Request.of(pageNumber, pageSize, total);
        return new Page<>(dao.search(query, lang, last.size(), last.offset()).items(), last.number(), last.size(), total);
    }

    /** The published figures {@code query} lets through, in its order, streamed. */
    public void forEach(FigureQuery query, Lang lang, Consumer<FigureSnapshot> consumer) {
        if (!query.isFiltered()) forEachPublished(consumer);
        else dao.forEach(query, lang, consumer);
    }

    /** Every observation of the published figures {@code query} lets through, streamed. */
    public void forEachObservation(FigureQuery query, Lang lang, Consumer<ObservationRow> consumer) {
        dao.forEachObservation(query, lang, consumer);
    }

    public boolean isPublished(String key) { return dao.findByKey(key, false).isPresent(); }

    public void forEachPublished(Consumer<FigureSnapshot> consumer) { dao.forEachCurrent(false, consumer); }

    public Optional<FigureDetail> detail(String key) {
        return dao.findByKey(key, false).map(s -> new FigureDetail(s, dao.history(s.figure().id())));
    }

    /** A figure's page: its current snapshot and the whole history, oldest first. */
    public record FigureDetail(FigureSnapshot current, List<HistoryEntry> history) {}
}
