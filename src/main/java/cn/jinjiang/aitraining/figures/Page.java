package cn.jinjiang.aitraining.figures;

import java.util.List;

/** One page of a longer list; page numbers start at 1. */
public record Page<T>(List<T> items, int number, int size, int total) {

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
