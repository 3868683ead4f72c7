package cn.jinjiang.aitraining.auth;

import java.util.ArrayList;
import java.util.List;

/**
 * Which role each admin route needs: one table, read by {@link AdminGuard} before every matched
 * {@code /admin} route. A rule names a route as it is registered ({@code /admin/review/{id}/approve})
 * and covers that route and every route below it; a segment in braces matches any one segment,
 * whatever the parameter is called. The most demanding matching rule wins; a route no rule names
 * needs only a signed-in account (any role). Adding a route that needs more is one line in
 * {@link #ADMIN_AREA}.
 */
public final class RoleRules {
    /** The rules of the admin area. */
    public static final RoleRules ADMIN_AREA = new RoleRules()
            // managing accounts and site settings
            .require(Role.ADMIN, "/admin/users", "/admin/settings", "/admin/dashboard")
            // approving or rejecting somebody's pending change
            .require(Role.PUBLISHER, "/admin/review/{id}/approve", "/admin/review/{id}/reject");

    private record Rule(Role role, List<String> segments) {}

    private final List<Rule> rules = new ArrayList<>();

    /** A table without rules: every route needs only a signed-in account. */
    public RoleRules() {}

    /** Each of {@code routes}, and everything below it, needs at least {@code role}. */
    public RoleRules require(Role role, String... routes) {
        for (String route : routes) rules.add(new Rule(role, segments(route)));
        return this;
    }

    /** The least role the route needs ({@link Role#EDITOR}, i.e. any account, when no rule names it). */
    public Role required(String route) {
        List<String> path = segments(route);
        Role needed = Role.EDITOR;
        for (Rule rule : rules) {
            if (covers(rule.segments(), path) && rule.role().ordinal() > needed.ordinal()) needed = rule.role();
        }
        return needed;
    }

    /** Whether an account of {@code role} may use the route. Roles are ordered: each may do what the one before may. */
    public boolean allows(Role role, String route) {
        return role.ordinal() >= required(route).ordinal();
    }

    private static boolean covers(List<String> rule, List<String> path) {
        if (path.size() < rule.size()) return false;
        for (int i = 0; i < rule.size(); i++) {
            String r = rule.get(i);
            boolean anyOne = r.startsWith("{") || r.startsWith("<");
            if (!anyOne && !r.equals(path.get(i))) return false;
        }
        return true;
    }

    private static List<String> segments(String route) {
        List<String> out = new ArrayList<>();
        for (String s : route.split("/")) if (!s.isEmpty()) out.add(s);
        return out;
    }
}
