package cn.jinjiang.aitraining.audit;

/** One field that a change altered, as text: {@code 数值（2025年9月30日的报道）: 6期 → 7期}. */
public record Change(String field, String before, String after) {}
