package cn.jinjiang.aitraining.values;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How a reported number relates to the true value, as the text says it (近 / 超 / 约 / 多); one enum
 * for the extractor, the forms, the stored rows ({@link #code()}) and the display. 累计, 共计, 达
 * only say "in total" and leave a figure {@link #EXACT}; {@link #PLUS} is 多 or 余 after the number.
 * Each carries the Chinese words that express it and the mark used in charts; {@link #defaultWord()} is used when the source's own word is unknown.
 */
public enum Qualifier {
    EXACT("exact", "", List.of()),
    ABOUT("about", "≈", List.of("约", "大约", "左右")),
    NEARLY("nearly", "≈", List.of("近", "将近", "接近")),
    OVER("over", ">", List.of("超过", "超", "逾", "突破", "以上")),
    PLUS("plus", "+", List.of("多", "余"));

    private final String code;
    private final String mark;
    private final List<String> words;

    Qualifier(String code, String mark, List<String> words) {
        this.code = code;
        this.mark = mark;
        this.words = words;
    }

    public String code() { return code; }
    public String mark() { return mark; }
    public List<String> words() { return words; }

    public String defaultWord() { return words.isEmpty() ? "" : words.get(0); }

    /** True when {@code word} is one of this qualifier's Chinese words. */
    public boolean accepts(String word) { return words.contains(word); }

    public static Optional<Qualifier> parse(String code) {
        if (code == null) return Optional.empty();
        String c = code.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(q -> q.code.equals(c)).findFirst();
    }

    public static Qualifier fromCode(String code) {
        return parse(code).orElseThrow(() -> new IllegalArgumentException("unknown qualifier: " + code));
    }
}
