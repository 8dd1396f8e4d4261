package cn.perfeval.platform.problem;

import java.util.Collection;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * How refusals name roles to a person: the name a finance officer knows, then the role as the token carries it
 * ("管理员（admin）"), so that the one who reads the refusal and the one who issues tokens both recognise it.
 */
public final class RoleNames {

    private static final Map<String, String> NAMES = Map.of(
            "admin", "管理员", "finance", "财政", "evaluator", "评价人员", "viewer", "查看者");

    private RoleNames() {
    }

    /** "管理员（admin）"; a role this suite does not know is given as the token carries it. */
    public static String of(String role) {
        return NAMES.containsKey(role) ? NAMES.get(role) + "（" + role + "）" : role;
    }

    /** "管理员（admin）、财政（finance）" in the order given; "（无）" for none. */
    public static String of(Collection<String> roles) {
        return roles.isEmpty() ? "（无）" : roles.stream().map(RoleNames::of).collect(Collectors.joining("、"));
    }

    /** The roles a token carries, in a stable order: "令牌的角色为：查看者（viewer）". */
    public static String ofToken(Collection<String> roles) {
        return "令牌的角色为：" + of(new TreeSet<>(roles));
    }
}
