package org.gridgov.team.internal;

import java.util.List;
import org.gridgov.common.FieldProblem;
import org.gridgov.common.PageQuery;
import org.gridgov.common.PageResult;
import org.gridgov.common.ProblemException;
import org.gridgov.identity.AccountRef;
import org.gridgov.identity.StaffDirectory;
import org.springframework.stereotype.Component;

/** The accounts a member or a cadre may be linked to: active staff accounts working in the caller's scope. */
@Component
class TeamAccounts {

    private final StaffDirectory staff;
    private final TeamScope scope;

    TeamAccounts(StaffDirectory staff, TeamScope scope) {
        this.staff = staff;
        this.scope = scope;
    }

    /** Accounts to pick from, by a fragment of the name (null for all). */
    PageResult<AccountRef> find(String name, PageQuery page) {
        var fields = new FormFields();
        String fragment = fields.text("name", name, MemberRules.NAME, false, "姓名", "name");
        fields.refuseIfAny();
        return staff.accountsUnder(scope.data().prefix(), fragment, page);
    }

    /** The account to link, or a 422 naming {@code userId} when it is none the caller may link. */
    AccountRef linkable(long userId) {
        var account = staff.account(userId)
                .orElseThrow(() -> refused(
                        "unknown-account", "要关联的账号不存在或已停用", "The account to link does not exist or is disabled"));
        boolean reached = scope.covers(account.scopeCode())
                || account.gridCodes().stream().anyMatch(scope::covers);
        if (!reached) {
            throw refused("outside-scope", "要关联的账号不在您的管辖范围内", "The account to link works outside your scope");
        }
        return account;
    }

    private static ProblemException refused(String code, String detail, String detailEn) {
        return ProblemException.unprocessable(
                detail, detailEn, List.of(new FieldProblem("userId", code, detail, detailEn)));
    }
}
