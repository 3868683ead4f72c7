package cn.jinjiang.aitraining.extract;

/**
 * Finds the quote, subject and scope around a figure in normalised text.
 *
 * <p>All searches are bounded to a few hundred chars around the figure, so extraction stays linear
 * in the text length even for a megabyte of text without punctuation.
 */
final class ContextFinder {

    private static final int SENTENCE_SEARCH = 200;
    private static final int SCOPE_SEARCH = 160;

    /** Words that end a subject phrase after the figure: 40多名党务干部|参加. */
    private static final String[] AFTER_STOPS = {"参加", "参与", "参赛", "赴", "在", "获得", "开课", "举行",
        "开幕", "参训", "将", "是", "进行", "以", "为", "和", "与", "及", "共", "覆盖", "实现", "被", "等", "到"};

    /** Fillers between a subject and the figure that say "in total" or "reached". */
    private static final String[] BEFORE_FILLERS = {"累计", "共计", "总计", "合计", "共有", "达到", "约为",
        "共", "达", "为", "有", "计", "已"};

    /** Words that open a clause but are not part of its subject: 其中|中央资金300万元. */
    private static final String[] BEFORE_LEADS = {"其中", "包括", "此外"};

    /** Verbs before a subject: 先后举办|专题辅导讲座6期. */
    private static final String[] BEFORE_VERBS = {"举办", "开设", "开展", "覆盖", "培训", "组织", "选派",
        "征集", "捐赠", "参加", "接待", "吸引", "服务", "完成", "引进", "投入", "带动", "惠及", "新增",
        "收看", "帮助", "资助", "发放", "筹集"};

    private ContextFinder() {
    }

    static boolean isSentenceEnd(char c) {
        return c == '。' || c == '！' || c == '？' || c == '；' || c == '!' || c == '?' || c == ';' || c == '\n';
    }

    static boolean isClauseEnd(char c) {
        return c == '，' || c == ',' || c == '：' || c == ':' || isSentenceEnd(c);
    }

    private static boolean isQuoteChar(char c) {
        return c == '“' || c == '”' || c == '‘' || c == '’' || c == '"' || c == '《' || c == '》';
    }

    /** [start, end) of the quote for span [start, end): its sentence, or clauses of it within max chars. */
    static int[] quoteBounds(String t, int start, int end, int max) {
        int n = t.length();
        int s = start;
        int sLimit = Math.max(0, start - SENTENCE_SEARCH);
        while (s > sLimit && !isSentenceEnd(t.charAt(s - 1))) {
            s--;
        }
        int e = end;
        int eLimit = Math.min(n, end + SENTENCE_SEARCH);
        while (e < eLimit && !isSentenceEnd(t.charAt(e))) {
            e++;
        }
        if (e < n && t.charAt(e) != '\n') {
            e++; // keep the full stop
            if (e < n && (t.charAt(e) == '”' || t.charAt(e) == '’')) {
                e++;
            }
        }
        // a closing quote or space at the start belongs to the previous sentence
        while (s < start && (t.charAt(s) == '”' || t.charAt(s) == '’' || t.charAt(s) == ' ')) {
            s++;
        }
        if (e - s <= max) {
            return new int[] {s, e};
        }
        int cs = start;
        while (cs > s && !isClauseEnd(t.charAt(cs - 1))) {
            cs--;
        }
        int ce = end;
        while (ce < e && !isClauseEnd(t.charAt(ce))) {
            ce++;
        }
        if (ce - cs > max) {
            int qs = Math.max(s, start - (max - (end - start)) / 2);
            int qe = Math.min(e, qs + max);
            qs = Math.max(s, Math.min(qs, qe - max));
            return new int[] {qs, qe};
        }
        boolean grew = true;
        while (grew) {
            grew = false;
            if (ce < e) { // next clause, up to its delimiter (kept when it ends the sentence)
                int pe = ce + 1;
                while (pe < e && !isClauseEnd(t.charAt(pe))) {
                    pe++;
                }
                if (pe == e - 1 && isSentenceEnd(t.charAt(pe))) {
                    pe = e;
                }
                if (pe - cs <= max) {
                    ce = pe;
                    grew = true;
                }
            }
            if (cs > s) { // previous clause
                int ps = cs - 1;
                while (ps > s && !isClauseEnd(t.charAt(ps - 1))) {
                    ps--;
                }
                if (ce - ps <= max) {
                    cs = ps;
                    grew = true;
                }
            }
        }
        return new int[] {cs, ce};
    }

    /** What is counted: the noun phrase after the figure, else the one before it. */
    static String subject(String t, int textStart, int end, Kind kind, int floor) {
        if (kind == Kind.DATE || kind == Kind.YEAR || kind == Kind.OTHER || kind == Kind.DURATION) {
            return null;
        }
        String after = kind == Kind.PERCENT ? null : afterPhrase(t, end);
        if (after != null || kind == Kind.ORDINAL) {
            return after;
        }
        return beforePhrase(t, textStart, floor);
    }

    private static String afterPhrase(String t, int end) {
        int n = t.length();
        if (end < n && t.charAt(end) == '“') {
            int close = end + 1;
            int closeLimit = Math.min(n, end + 21); // bounded: never scan the rest of a big text
            while (close < closeLimit && t.charAt(close) != '”') {
                close++;
            }
            if (close < closeLimit && close > end + 1) {
                if (close + 1 >= n || isClauseEnd(t.charAt(close + 1)) || t.charAt(close + 1) == '、') {
                    return t.substring(end + 1, close); // 39期“晋江干部学堂”，
                }
            }
        }
        int limit = Math.min(n, end + 24);
        int p = end;
        while (p < limit) {
            char c = t.charAt(p);
            if (isClauseEnd(c) || c == '、' || c == '（' || c == '(' || TextNormalizer.isAsciiDigit(c)
                    || c == ' ') {
                break;
            }
            if (startsWithAny(t, p, AFTER_STOPS)) {
                break;
            }
            p++;
        }
        String phrase = stripQuotes(t, end, p);
        int de = phrase.lastIndexOf('的');
        if (de >= 0) {
            phrase = phrase.substring(de + 1); // 丰富多样的学习活动 -> 学习活动
        }
        return trimToTail(phrase);
    }

    private static String beforePhrase(String t, int textStart, int floor) {
        int p = textStart;
        int limit = Math.max(floor, textStart - 30); // never reach back into the previous figure
        while (p > limit && !isClauseEnd(t.charAt(p - 1)) && t.charAt(p - 1) != '、') {
            p--;
        }
        int e = textStart;
        boolean stripped = true;
        while (stripped) {
            stripped = false;
            for (String f : BEFORE_FILLERS) {
                if (e - f.length() >= p && t.startsWith(f, e - f.length())) {
                    e -= f.length();
                    stripped = true;
                    break;
                }
            }
        }
        for (String lead : BEFORE_LEADS) {
            if (t.startsWith(lead, p) && p + lead.length() < e) {
                p += lead.length();
                break;
            }
        }
        if (e <= p) {
            return null;
        }
        int verbEnd = -1;
        int verbStart = -1;
        for (int k = e - 1; k >= p && verbEnd < 0; k--) {
            for (String v : BEFORE_VERBS) {
                if (k + v.length() <= e && t.startsWith(v, k)) {
                    verbStart = k;
                    verbEnd = k + v.length();
                    break;
                }
            }
        }
        String phrase;
        if (verbEnd < 0) {
            phrase = stripQuotes(t, p, e);
        } else if (verbEnd < e) {
            phrase = stripQuotes(t, verbEnd, e);
        } else {
            phrase = t.substring(verbStart, verbEnd); // 捐赠200万元: the verb is all we have
        }
        return trimToTail(phrase);
    }

    /** Chinese noun phrases are head-final, so when too long keep the tail. */
    private static String trimToTail(String phrase) {
        if (phrase.isEmpty()) {
            return null;
        }
        return phrase.length() > 12 ? phrase.substring(phrase.length() - 12) : phrase;
    }

    private static String stripQuotes(String t, int from, int to) {
        StringBuilder sb = new StringBuilder(Math.max(0, to - from));
        for (int k = from; k < to; k++) {
            char c = t.charAt(k);
            if (!isQuoteChar(c) && c != ' ') {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static boolean startsWithAny(String t, int p, String[] words) {
        for (String w : words) {
            if (t.startsWith(w, p)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The time frame of a figure: the nearest scope phrase before it in the same sentence
     * (今年以来, 自2022年起, 目前, 当天 ...). {@code clauseDuration} is a duration figure earlier in
     * the same clause (三年选派62名), which wins because it is closer.
     */
    static String scope(String t, int textStart, String clauseDuration) {
        if (clauseDuration != null) {
            return clauseDuration;
        }
        int limit = Math.max(0, textStart - SCOPE_SEARCH);
        for (int k = textStart - 1; k >= limit; k--) {
            char c = t.charAt(k);
            if (isSentenceEnd(c)) {
                return null; // the previous sentence's time frame is not this figure's
            }
            String found = scopeEndingAt(t, k, c);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** A scope phrase whose last char is at {@code k}, longest first; null when none. */
    private static String scopeEndingAt(String t, int k, char c) {
        switch (c) {
            case '来': {
                String s = endingWith(t, k, "今年以来", "去年以来", "近年以来", "年初以来", "近年来", "多年来",
                        "近期以来");
                if (s != null) {
                    return s;
                }
                if (endsAt(t, k, "年以来")) {
                    String y = yearPhrase(t, k - 2, "以来", k);
                    if (y != null) {
                        return y;
                    }
                    return numeralPeriod(t, k - 2, k);
                }
                if (endsAt(t, k, "年来")) {
                    return numeralPeriod(t, k - 1, k); // 近两年来, 三年来
                }
                return null;
            }
            case '起': {
                if (endsAt(t, k, "年起")) {
                    return yearPhrase(t, k - 1, "起", k);
                }
                return endingWith(t, k, "自今年起", "今年起");
            }
            case '前':
                return endingWith(t, k, "截至目前", "目前", "日前", "此前", "当前");
            case '天':
                return endingWith(t, k, "当天");
            case '日':
                return endingWith(t, k, "昨日", "当日", "近日");
            case '晚':
                return endingWith(t, k, "当晚");
            case '年':
                return endingWith(t, k, "今年", "去年");
            case '今':
                return endingWith(t, k, "如今");
            default:
                return null;
        }
    }

    /** "近两年来" / "三年以来": {@code nian} is the index of 年, {@code k} the last char. */
    private static String numeralPeriod(String t, int nian, int k) {
        int d = nian;
        while (d > 0 && nian - d < 6 && (ChineseNumerals.isNumeralChar(t.charAt(d - 1))
                || TextNormalizer.isAsciiDigit(t.charAt(d - 1)))) {
            d--;
        }
        if (d == nian) {
            return null;
        }
        if (d > 0 && (t.charAt(d - 1) == '近' || t.charAt(d - 1) == '这')) {
            d--;
        }
        return t.substring(d, k + 1);
    }

    /** "2023年以来" / "自2022年起": {@code nian} is the index of 年, {@code k} the last char. */
    private static String yearPhrase(String t, int nian, String tail, int k) {
        int d = nian;
        while (d > 0 && TextNormalizer.isAsciiDigit(t.charAt(d - 1)) && nian - d < 4) {
            d--;
        }
        if (nian - d != 4) {
            return null;
        }
        if (d > 0 && t.charAt(d - 1) == '自') {
            d--;
        }
        return t.substring(d, k + 1);
    }

    private static boolean endsAt(String t, int k, String w) {
        int s = k + 1 - w.length();
        return s >= 0 && t.startsWith(w, s);
    }

    private static String endingWith(String t, int k, String... words) {
        for (String w : words) {
            if (endsAt(t, k, w)) {
                return w;
            }
        }
        return null;
    }

    /** Nouns for people: a bare number before one of them counts people (近30万干部, 3000党员). */
    private static final String[] PEOPLE_NOUNS = {"干部", "党员", "人员", "学员", "教师", "老师", "学生", "群众",
        "职工", "员工", "公务员", "村民", "居民", "市民", "志愿者", "人才", "青年", "专家", "农民", "网民",
        "师生", "党务工作者", "工作人员", "村干部", "社区工作者", "医务人员", "选调生"};

    /** Fillers between a people noun and its bare number: 注册用户|超过|45万, 党员|共|3000. */
    private static final String[] PEOPLE_FILLERS = {"达到", "共有", "共计", "累计", "达", "为",
        "共", "有", "已"};

    /** Nouns that may stand before a bare number of people at the end of a clause. */
    private static final String[] PEOPLE_BEFORE = {"用户", "干部", "党员", "人员", "学员", "网民", "群众", "职工",
        "人数", "人口"};

    /** True when a people noun ends at {@code pos}, possibly followed by a filler: 注册用户超过45万. */
    static boolean peopleNounBefore(String t, int pos) {
        int e = pos;
        for (String f : PEOPLE_FILLERS) {
            if (e - f.length() >= 0 && t.startsWith(f, e - f.length())) {
                e -= f.length();
                break;
            }
        }
        for (String w : PEOPLE_BEFORE) {
            if (e - w.length() >= 0 && t.startsWith(w, e - w.length())) {
                return true;
            }
        }
        return false;
    }

    /** True when a people noun starts at {@code p}. */
    static boolean peopleNounAt(String t, int p) {
        return p < t.length() && startsWithAny(t, p, PEOPLE_NOUNS);
    }

    /** Words that state a plan or a forecast. 将近 is a qualifier and 将 before 其/之 means "take". */
    private static final String[] FUTURE_WORDS = {"即将", "将于", "将在", "将赴", "将有", "将举办", "将组织",
        "将选派", "将开展", "将达", "将突破", "将超", "将再", "将继续", "将进一步", "将新增", "将完成", "将启动",
        "将投入", "将培训", "将覆盖", "将建成", "将实现", "将开设", "将陆续", "将举行", "将开班", "将正式",
        "将全面", "将持续", "将推出", "将建设", "将上线", "将发布", "将安排", "将邀请", "将择优", "将分批", "拟", "计划", "预计", "明年", "下一步",
        "力争", "年底前", "争取", "准备"};

    /** Words that say the running total is already there: the clause reports a result. */
    private static final String[] PAST_WORDS = {"已", "目前", "累计", "以来", "截至", "共计", "先后", "完成了"};

    /** Words before a figure that make it a rate or an average. */
    private static final String[] RATE_WORDS = {"日均", "每天", "每日", "每周", "每月", "每年", "每季度", "每场",
        "每期", "每人", "每名", "每位", "每班", "每次", "人均", "年均", "月均", "场均", "平均", "均值"};

    /** Words in a clause that make a percentage a ratio rather than a share of the total. */
    private static final String[] PERCENT_RATE_WORDS = {"率", "同比", "环比", "占比", "比例", "比重"};

    /**
     * A plan or forecast: a future word in the figure's clause, or elsewhere in its sentence unless
     * the clause itself reports a result (今年以来已举办112场，下一步将… is not future).
     */
    static boolean isFuture(String t, int start, int end) {
        int[] clause = clauseBounds(t, start, end);
        if (containsFutureWord(t, clause[0], clause[1])) {
            return true;
        }
        int[] sentence = sentenceBounds(t, start, end);
        if (containsAny(t, clause[0], start, PAST_WORDS)) {
            return false;
        }
        return containsFutureWord(t, sentence[0], clause[0]) || containsFutureWord(t, clause[1], sentence[1]);
    }

    /** A per-day/per-person/average figure or a percentage that is a ratio (合格率98%). */
    static boolean isRate(String t, int start, int end, Kind kind) {
        int[] clause = clauseBounds(t, start, end);
        if (containsAny(t, clause[0], start, RATE_WORDS) || t.startsWith("/天", end) || t.startsWith("/年", end)
                || t.startsWith("/人", end)) {
            return true;
        }
        return kind == Kind.PERCENT && containsAny(t, clause[0], clause[1], PERCENT_RATE_WORDS);
    }

    private static boolean containsFutureWord(String t, int from, int to) {
        for (int k = from; k < to; k++) {
            char c = t.charAt(k);
            if ("即将拟计预明下力年争准".indexOf(c) < 0) {
                continue;
            }
            for (String w : FUTURE_WORDS) {
                if (k + w.length() <= to && t.startsWith(w, k)) {
                    if (w.equals("拟") && k > 0 && "模虚".indexOf(t.charAt(k - 1)) >= 0) {
                        continue; // 模拟, 虚拟
                    }
                    if (w.equals("计划") && k > 0 && "人才".indexOf(t.charAt(k - 1)) >= 0) {
                        continue; // 千人计划: the name of a programme
                    }
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean containsAny(String t, int from, int to, String[] words) {
        String firsts = firstChars(words);
        for (int k = from; k < to; k++) {
            if (firsts.indexOf(t.charAt(k)) < 0) {
                continue; // most chars start no word: skip the word loop
            }
            for (String w : words) {
                if (k + w.length() <= to && t.startsWith(w, k)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static final java.util.Map<String[], String> FIRST_CHARS = new java.util.IdentityHashMap<>();

    static {
        for (String[] words : new String[][] {PAST_WORDS, RATE_WORDS, PERCENT_RATE_WORDS}) {
            StringBuilder sb = new StringBuilder();
            for (String w : words) {
                if (sb.indexOf(w.substring(0, 1)) < 0) {
                    sb.append(w.charAt(0));
                }
            }
            FIRST_CHARS.put(words, sb.toString());
        }
    }

    /** The distinct first chars of a word list (computed once for the lists above). */
    private static String firstChars(String[] words) {
        String f = FIRST_CHARS.get(words);
        if (f != null) {
            return f;
        }
        StringBuilder sb = new StringBuilder();
        for (String w : words) {
            sb.append(w.charAt(0));
        }
        return sb.toString();
    }

    /** [start, end) of the clause around a span (bounded like the quote search). */
    static int[] clauseBounds(String t, int start, int end) {
        int s = start;
        int sLimit = Math.max(0, start - SENTENCE_SEARCH);
        while (s > sLimit && !isClauseEnd(t.charAt(s - 1))) {
            s--;
        }
        int e = end;
        int eLimit = Math.min(t.length(), end + SENTENCE_SEARCH);
        while (e < eLimit && !isClauseEnd(t.charAt(e))) {
            e++;
        }
        return new int[] {s, e};
    }

    /** [start, end) of the sentence around a span, without its full stop. */
    static int[] sentenceBounds(String t, int start, int end) {
        int s = start;
        int sLimit = Math.max(0, start - SENTENCE_SEARCH);
        while (s > sLimit && !isSentenceEnd(t.charAt(s - 1))) {
            s--;
        }
        int e = end;
        int eLimit = Math.min(t.length(), end + SENTENCE_SEARCH);
        while (e < eLimit && !isSentenceEnd(t.charAt(e))) {
            e++;
        }
        return new int[] {s, e};
    }
}
