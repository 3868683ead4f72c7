package cn.jinjiang.aitraining.auth;

/** An account of the admin area. The hash never leaves the auth package's services. */
public record AdminUser(long id, String username, String passwordHash, boolean mustChange, Role role, boolean disabled) {}
