package cn.jinjiang.aitraining.audit;

/** One field that a change altered, as text: {@code observations[12].value: 9000 → 9500}. */
public record Change(String field, String before, String after) {}
