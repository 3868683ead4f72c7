package cn.jinjiang.aitraining.events;

import cn.jinjiang.aitraining.paging.Page;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The events table as shown: one page, its query, and links that keep both tables' state. */
public record EventTable(Page<EventSnapshot> page, EventQuery query, String path, String pageParam, String otherState) {

    public String pageLink(int number) {
        return path + "?" + Stream.of(otherState, query.queryString(), pageParam + "=" + number)
                .filter(p -> p != null && !p.isEmpty()).collect(Collectors.joining("&"));
    }

    public String download(String base) { return query.link(base); }
}
