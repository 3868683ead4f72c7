package cn.jinjiang.aitraining.extract;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The English noun for a Chinese unit or measure word, one table side by side (like
 * {@link PeriodRules} for periods): a new figure counted in 场 reads "112 events" in English, never
 * "112 场". A unit the table does not know has no English here; the editor is asked for one.
 * Nouns are plural: the display makes "1 event" itself.
 */
public final class UnitRules {
    private static final Map<String, String> ENGLISH = table(
            // people
            "人次", "attendances", "名", "people", "人", "people", "位", "people",
            // events and classes
            "场", "events", "场次", "sessions", "期", "sessions", "次", "times", "堂", "lessons", "课", "lessons",
            "节", "lessons", "轮", "rounds", "届", "editions", "班", "classes", "个班", "classes", "门", "courses",
            // time
            "学时", "study hours", "课时", "class hours", "小时", "hours", "分钟", "minutes", "天", "days",
            "周", "weeks", "星期", "weeks", "个月", "months", "年", "years", "工作日", "working days",
            // things
            "个", "items", "项", "items", "件", "items", "条", "items", "支", "teams", "队", "teams",
            "家", "organisations", "所", "institutions", "批", "batches", "批次", "batches", "篇", "articles",
            "份", "copies", "本", "books", "册", "volumes", "套", "sets", "组", "groups", "户", "households",
            "款", "products", "种", "kinds", "类", "categories", "台", "machines", "站", "stations",
            // money and shares (the display writes money as "CNY …"; the noun is for the record)
            "元", "yuan", "%", "percent", "个百分点", "percentage points");

    private UnitRules() {}

    /** The English noun for {@code unitZh} (trimmed), empty when the table does not know it. */
    public static Optional<String> english(String unitZh) {
        if (unitZh == null) return Optional.empty();
        return Optional.ofNullable(ENGLISH.get(unitZh.strip()));
    }

    private static Map<String, String> table(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (m.put(pairs[i], pairs[i + 1]) != null) throw new IllegalStateException("listed twice: " + pairs[i]);
        }
        return Map.copyOf(m);
    }
}
