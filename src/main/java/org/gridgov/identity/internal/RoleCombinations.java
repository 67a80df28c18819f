package org.gridgov.identity.internal;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.gridgov.common.FieldProblem;
import org.gridgov.common.ProblemException;
import org.gridgov.identity.Role;

/**
 * Which roles one account may hold together (三权分立): at most one of the three administrator roles, and an
 * administrator holds no business role. The rule holds whoever grants the roles, so that no one can rebuild a
 * single all-powerful account out of the split ones.
 */
final class RoleCombinations {

    private RoleCombinations() {}

    /** Refuses a set of roles one account may not hold together: 422 naming {@code roles}. */
    static void check(Set<Role> roles) {
        var administrators =
                roles.stream().filter(Role::isAdministrator).sorted().toList();
        if (administrators.size() > 1) {
            throw refused(
                    "two-administrators",
                    "系统管理员、安全管理员、审计管理员须由不同账户担任（三权分立），不能同时授予" + labels(administrators),
                    "The system, security and audit administrators must be different accounts (separation of duties): "
                            + names(administrators) + " cannot be held together");
        }
        if (administrators.size() == 1 && roles.size() > 1) {
            var business =
                    roles.stream().filter(r -> !r.isAdministrator()).sorted().toList();
            throw refused(
                    "administrator-with-business-role",
                    administrators.getFirst().label() + "不能兼任业务角色" + labels(business) + "（三权分立）",
                    "The " + administrators.getFirst().labelEn().toLowerCase() + " cannot also hold business roles ("
                            + names(business) + "; separation of duties)");
        }
    }

    private static ProblemException refused(String code, String message, String messageEn) {
        return ProblemException.unprocessable(
                message, messageEn, List.of(new FieldProblem("roles", code, message, messageEn)));
    }

    private static String labels(List<Role> roles) {
        return roles.stream().map(Role::label).collect(Collectors.joining("、", "（", "）"));
    }

    private static String names(List<Role> roles) {
        return roles.stream().map(Role::labelEn).collect(Collectors.joining(", "));
    }
}
