package org.gridgov.identity;

import java.util.List;
import java.util.Set;

/**
 * An active staff account as other modules link people to it: the name people know and where the account works,
 * never its login name.
 *
 * @param organizationName the account's organization, null when it belongs to none
 * @param gridCodes the grids the account covers, empty unless its scope is its grids
 */
public record AccountRef(
        long id, String realName, String organizationName, String scopeCode, Set<Role> roles, List<String> gridCodes) {

    public AccountRef {
        roles = Set.copyOf(roles);
        gridCodes = List.copyOf(gridCodes);
    }
}
