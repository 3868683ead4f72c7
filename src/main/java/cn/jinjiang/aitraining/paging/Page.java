package cn.jinjiang.aitraining.paging;

import java.util.List;

/** One page of a longer list; page numbers start at 1. */
public record Page<T>(List<T> items, int number, int size, int total) {

    /** A page number as asked for in a query parameter: anything that is not a positive number means 1. */
    public static int requested(String raw) {
        if (raw == null || !raw.matches("\\d{1,6}")) return 1;
        return Math.max(1, Integer.parseInt(raw));
    }

    public int pageCount() { return Math.max(1, (total + size - 1) / size); }
    public boolean hasPrevious() { return number > 1; }
    public boolean hasNext() { return number < pageCount(); }
    public int previous() { return number - 1; }
    public int next() { return number + 1; }

    /** A page number clamped to what exists. */
    public record Request(int number, int size) {
        public static Request of(int number, int size, int total) {
            int pages = Math.max(1, (total + size - 1) / size);
            return new Request(Math.min(Math.max(1, number), pages), size);
        }

        public int offset() { return (number - 1) * size; }
    }
}
