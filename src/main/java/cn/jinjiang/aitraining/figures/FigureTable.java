package cn.jinjiang.aitraining.figures;

import cn.jinjiang.aitraining.paging.Page;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The figures table as shown: one page of rows, the query that chose them, and the links that keep
 * that query — to other pages, to other sorts, to the downloads of exactly these rows.
 *
 * @param path      the page the table is on ({@code /} or {@code /figures})
 * @param pageParam the parameter that pages it there ({@code fp} or {@code page})
 * @param otherState what else the page's URL holds (the events table's state on the dashboard), kept by every link
 */
public record FigureTable(Page<FigureSnapshot> page, FigureQuery query, String path, String pageParam, String otherState) {

    public String pageLink(int number) {
        return path + "?" + join(query.queryString(), pageParam + "=" + number, otherState);
    }

    public String sortLink(String column) {
        return path + "?" + join(query.sortLink(column), otherState);
    }

    public String ariaSort(String column) { return query.ariaSort(column); }

    /** A download of exactly the rows shown, in the order shown. */
    public String download(String base) { return query.link(base); }

    public static String join(String... parts) {
        return Stream.of(parts).filter(p -> p != null && !p.isEmpty()).collect(Collectors.joining("&"));
    }
}
