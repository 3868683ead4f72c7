package cn.jinjiang.aitraining.extract;

import java.util.Locale;

/**
 * What kind of thing a figure's unit counts. A number may only update a figure of the same family:
 * 3200名 (people) never replaces 112场 (events).
 */
public enum UnitFamily {
    /** 名, 人, 人次, 位; also a bare count followed by a people noun (近30万干部). */
    PEOPLE,
    /** 场, 场次, 期, 次, 堂, 轮, 届, 个班, 班. */
    EVENTS,
    /** Anything in yuan (or another currency). */
    MONEY,
    /** 学时, 课时, 小时: hours of learning or of time. */
    HOURS,
    /** Any other length of time: 天, 周, 个月, 年, 分钟. */
    DURATION,
    /** 个, 项: projects, scenarios, courses. */
    PROJECTS,
    /** %, 成, 个百分点. */
    PERCENT,
    /** Everything else: dates, years, ordinals, names, organisations (家, 所, 支). */
    OTHER;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Family of a figure with this kind and normalised unit; {@code following} is the char right
     * after the figure (个班 is events, 个场景 projects). A count without unit is {@link #OTHER} here;
     * the extractor marks it {@link #PEOPLE} when a people noun follows.
     */
    static UnitFamily of(Kind kind, String unit, char following) {
        switch (kind) {
            case MONEY:
                return MONEY;
            case PERCENT:
                return PERCENT;
            case DURATION:
                return unit.equals("小时") ? HOURS : DURATION;
            case COUNT:
                break;
            default:
                return OTHER;
        }
        switch (unit) {
            case "名": case "人": case "人次": case "位":
                return PEOPLE;
            case "场": case "场次": case "期": case "次": case "堂": case "轮": case "届": case "班": case "课":
                return EVENTS;
            case "学时": case "课时":
                return HOURS;
            case "个":
                return following == '班' ? EVENTS : PROJECTS;
            case "项":
                return PROJECTS;
            default:
                return OTHER;
        }
    }
}
