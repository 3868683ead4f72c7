package cn.jinjiang.aitraining.extract;

import com.ibm.icu.text.Transliterator;
import com.ibm.icu.text.UnicodeSet;
import com.ibm.icu.text.UnicodeSetIterator;

/**
 * Reads text printed in traditional characters (場, 兩, 個, 學員, 舉辦) as simplified, so the
 * scanner and its word lists need only one form.
 *
 * <p>The mapping is ICU4J's {@code Traditional-Simplified} transliterator applied char by char,
 * which keeps the simplified text exactly as long as the printed one: every offset found in it is
 * also an offset in the printed text, so quotes can be shown as printed. ICU maps a few rare
 * characters to supplementary ones (two chars, e.g. 勣 → U+2A7DD); those are left as printed rather
 * than shifting every later offset.
 *
 * <p>Loading the transliterator takes seconds, so it happens only when a text contains one of
 * {@link #MARKERS}: common characters that exist only in traditional writing. Any real report in
 * traditional characters contains several of them (們, 這, 個, 為, 國, 會 ...); simplified text
 * contains none and never pays for ICU.
 */
final class TraditionalChinese {

    /**
     * Frequent traditional-only characters, numerals and measure words first. A test checks that
     * ICU changes every one of them, so no simplified character can trigger a conversion.
     */
    static final String MARKERS = "個兩萬億場項屆張條處門節冊種類組隊輪間輛臺棟單雙幾數貳參陸"
            + "們這為與國會來時學員舉辦訓幹開發區縣鎮鄉實現經濟網絡領導黨務黨員專題講課幫錢費億"
            + "總計劃預將產業業職務機構體係關於後從對說話當應該過還進達選線層議證據統資產價總額"
            + "動態戰術語雲計軟體傳統聯繫廣東臺灣歷華義藝長門問題見視聽讀寫讓認識記錄"
            + "創興區塊鏈設備營運維護報紙誌頁碼號碼車輛鐵飛機場館衛醫療藥習練級優勢範圍歲週"
            + "詳撥諮詢顯佔製準隨團積極權樣邊遠環約織續紀風險標規築屬廳倉獲獎勵勞農擔負審監確購買賣變遷鄰響頭顧願飯驗麼齊龍";

    private static final boolean[] IS_MARKER = new boolean[Character.MAX_VALUE + 1];

    static {
        for (int i = 0; i < MARKERS.length(); i++) {
            IS_MARKER[MARKERS.charAt(i)] = true;
        }
    }

    private TraditionalChinese() {
    }

    /** True when {@code text} holds a traditional-only character; a single pass over a lookup table. */
    static boolean looksTraditional(String text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            if (IS_MARKER[text.charAt(i)]) {
                return true;
            }
        }
        return false;
    }

    /** The simplified reading of {@code text}, of the same length; {@code text} itself when it is not traditional. */
    static String toSimplified(String text) {
        if (!looksTraditional(text)) {
            return text;
        }
        char[] table = Table.SIMPLIFIED;
        char[] out = text.toCharArray();
        boolean changed = false;
        for (int i = 0; i < out.length; i++) {
            char s = table[out[i]];
            if (s != 0) {
                out[i] = s;
                changed = true;
            }
        }
        return changed ? new String(out) : text;
    }

    /** ICU's mapping as a char table, built once on first use (holder idiom: lazy and thread-safe). */
    private static final class Table {
        /** Simplified char for a traditional one; 0 where the char stays as it is. */
        static final char[] SIMPLIFIED = build();

        private static char[] build() {
            Transliterator tr = Transliterator.getInstance("Traditional-Simplified");
            UnicodeSet source = tr.getSourceSet();
            StringBuilder in = new StringBuilder();
            for (UnicodeSetIterator it = new UnicodeSetIterator(source); it.next(); ) {
                int cp = it.codepoint;
                if (cp != UnicodeSetIterator.IS_STRING && cp < 0x10000 && !Character.isSurrogate((char) cp)) {
                    in.append((char) cp).append('\n');
                }
            }
            // one call for all characters, one per line: much faster than a call per character
            String[] outs = tr.transliterate(in.toString()).split("\n", -1);
            boolean aligned = outs.length == in.length() / 2 + 1;
            char[] table = new char[Character.MAX_VALUE + 1];
            int k = 0;
            for (int i = 0; i < in.length(); i += 2, k++) {
                char from = in.charAt(i);
                String to = aligned ? outs[k] : "";
                if (to.length() == 1 && to.charAt(0) != from) {
                    table[from] = to.charAt(0);
                } else if (to.length() != 1) {
                    // a supplementary or multi-char result would shift offsets: ask ICU once, char alone
                    String alone = tr.transliterate(String.valueOf(from));
                    if (alone.length() == 1 && alone.charAt(0) != from) {
                        table[from] = alone.charAt(0);
                    }
                }
            }
            return table;
        }
    }
}
