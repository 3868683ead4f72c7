package cn.jinjiang.aitraining.values;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The second look a new value needs before it is published (issue: an unchecked 3.1亿 → "3.1" went
 * public at once). One rule for every path that writes a value: the figure forms, the import
 * preview and the extract review. A value that trips it is answered 422 with the warnings and saved
 * only when the form is sent again with {@code confirm_unusual=yes}.
 */
public final class UnusualChange {
    /** The form field (and its value) that confirms an unusual value. */
    public static final String CONFIRM_FIELD = "confirm_unusual";
    public static final String CONFIRM_VALUE = "yes";

    private static final BigDecimal TEN = BigDecimal.TEN;
    private static final BigDecimal SMALL_MONEY = BigDecimal.valueOf(10_000);

    private UnusualChange() {}

    /** What is unusual; each has a message key {@code unusual.<code>} in both bundles. */
    public enum Warning {
        /** The new value is at least 10 times the current one, or at most a tenth of it. */
        FACTOR_OF_TEN("factor_of_ten"),
        /** Money under 10,000 yuan: almost always 万 or 亿 left out. */
        SMALL_MONEY("small_money"),
        /** A new report lowers a cumulative figure (累计, …以来) over the same period. */
        CUMULATIVE_DECREASE("cumulative_decrease");

        private final String code;

        Warning(String code) { this.code = code; }

        public String code() { return code; }

        public String messageKey() { return "unusual." + code; }
    }

    /**
     * The warnings for writing {@code proposed} (stated for {@code proposedPeriod}) where the figure
     * now shows {@code current} (null for a new figure) for {@code currentPeriod}. A correction
     * replaces a wrong value, so only a new report is checked for going backwards.
     */
    public static List<Warning> check(Quantity current, String currentPeriod, Quantity proposed, String proposedPeriod,
                                      boolean isReport) {
        List<Warning> warnings = new ArrayList<>();
        BigDecimal now = current == null ? null : current.value();
        BigDecimal next = proposed.value();
        if (now != null && now.signum() > 0 && next.signum() > 0
                && (next.compareTo(now.multiply(TEN)) >= 0 || now.compareTo(next.multiply(TEN)) >= 0)) {
            warnings.add(Warning.FACTOR_OF_TEN);
        }
        if (proposed.isMoney() && next.compareTo(SMALL_MONEY) < 0) warnings.add(Warning.SMALL_MONEY);
        if (isReport && now != null && next.compareTo(now) < 0 && isCumulative(proposedPeriod)
                && proposedPeriod.strip().equals(currentPeriod == null ? null : currentPeriod.strip())) {
            warnings.add(Warning.CUMULATIVE_DECREASE);
        }
        return warnings;
    }

    /** 累计 or a period counted from a start (2025年以来, 自2022年以来): such a total only grows. */
    public static boolean isCumulative(String period) {
        if (period == null) return false;
        String p = period.strip();
        return p.contains("累计") || p.endsWith("以来");
    }

    /** True when the form confirmed the unusual value. */
    public static boolean confirmed(String fieldValue) {
        return CONFIRM_VALUE.equals(fieldValue);
    }
}
