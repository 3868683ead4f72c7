package cn.jinjiang.aitraining.accounts;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Times on the account and users pages: to the minute, in China's time zone, as the audit log shows them. */
final class Times {
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    private Times() {}

    static String shown(Instant instant) {
        return instant == null ? "" : SHOWN.format(instant);
    }
}
