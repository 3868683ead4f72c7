package cn.jinjiang.aitraining.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Measure words and units that may follow a number, matched longest first (个月 before 个,
 * 人次 before 人, 年度 before 年). Lookup is by first char so that the scanner does not build
 * substrings for every number it sees.
 */
final class UnitTable {

    /** A unit and the kind of figure it makes. {@code name} is the unit as reported. */
    record Unit(String text, String name, Kind kind) {
    }

    /** Indexed by first char: a plain array avoids boxing a Character on every lookup. */
    private static final Unit[][] BY_FIRST_CHAR = new Unit[Character.MAX_VALUE + 1][];

    static {
        List<Unit> all = new ArrayList<>();
        for (String u : new String[] {"人次", "学时", "课时", "场次", "批次", "个", "名", "场", "期", "支", "所", "家",
                "项", "次", "位", "人", "件", "份", "批", "条", "处", "座", "辆", "台", "套", "户", "门",
                "节", "篇", "本", "册", "款", "种", "类", "组", "队", "班", "轮", "届", "站", "间", "张",
                "株", "棵", "架", "艘", "堂", "集", "部", "栋", "幢", "课"}) {
            all.add(new Unit(u, u, Kind.COUNT));
        }
        for (String u : new String[] {"元", "美元", "欧元", "港元", "澳门元", "新台币", "日元", "英镑", "块钱"}) {
            all.add(new Unit(u, u.equals("块钱") ? "元" : u, Kind.MONEY));
        }
        for (String u : new String[] {"小时", "个小时", "分钟", "秒钟", "秒", "天", "周", "个星期", "星期",
                "个月", "个工作日", "工作日", "年"}) {
            all.add(new Unit(u, u.startsWith("个") && !u.equals("个月") ? u.substring(1) : u, Kind.DURATION));
        }
        all.add(new Unit("%", "%", Kind.PERCENT));
        all.add(new Unit("‰", "‰", Kind.PERCENT));
        all.add(new Unit("个百分点", "个百分点", Kind.PERCENT));
        all.add(new Unit("月", "月", Kind.DATE));
        all.add(new Unit("日", "日", Kind.DATE));
        all.add(new Unit("号", "号", Kind.DATE));
        all.add(new Unit("年度", "年度", Kind.YEAR));
        all.add(new Unit("周年", "周年", Kind.ORDINAL));
        // Measures and name-like suffixes: kept as "other" so they are never counted as things.
        for (String u : new String[] {"年级", "号线", "号楼", "号院", "路", "公里", "千米", "米", "平方米",
                "平方公里", "亩", "吨", "公斤", "千克", "克", "立方米", "千瓦", "度", "岁", "倍", "层", "楼",
                "分", "成", "时"}) {
            all.add(new Unit(u, u, Kind.OTHER));
        }
        Map<Character, List<Unit>> grouped = new HashMap<>();
        for (Unit u : all) {
            grouped.computeIfAbsent(u.text().charAt(0), k -> new ArrayList<>()).add(u);
        }
        for (Map.Entry<Character, List<Unit>> e : grouped.entrySet()) {
            List<Unit> list = e.getValue();
            list.sort(Comparator.comparingInt((Unit u) -> u.text().length()).reversed());
            BY_FIRST_CHAR[e.getKey()] = list.toArray(new Unit[0]);
        }
    }

    private UnitTable() {
    }

    /** Longest unit starting at {@code pos}, or null. */
    static Unit match(String text, int pos) {
        if (pos >= text.length()) {
            return null;
        }
        Unit[] options = BY_FIRST_CHAR[text.charAt(pos)];
        if (options == null) {
            return null;
        }
        for (Unit u : options) {
            if (text.startsWith(u.text(), pos)) {
                return u;
            }
        }
        return null;
    }
}
