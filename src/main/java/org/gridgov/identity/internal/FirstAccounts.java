package org.gridgov.identity.internal;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.gridgov.common.Unscoped;
import org.gridgov.identity.Role;
import org.gridgov.identity.ScopeKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * On a new production database, the three administrator accounts (admin, secadmin, auditor) with the one-time
 * password of {@code gridgov.identity.initial-password}, each to be changed at the first sign-in. Nothing happens
 * once any account exists, nor without the property.
 */
@Component
@Order(30)
@Unscoped("creates the first accounts at start-up, when there is no caller")
class FirstAccounts implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAccounts.class);

    private final UserRepository users;
    private final PasswordPolicy passwords;
    private final Clock clock;
    private final String rootCode;
    private final String initialPassword;

    FirstAccounts(
            UserRepository users,
            PasswordPolicy passwords,
            Clock clock,
            @Value("${gridgov.region.root-code:421381}") String rootCode,
            @Value("${gridgov.identity.initial-password:}") String initialPassword) {
        this.users = users;
        this.passwords = passwords;
        this.clock = clock;
        this.rootCode = rootCode;
        this.initialPassword = initialPassword;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (initialPassword.isBlank() || users.countAll() > 0) {
            return;
        }
        passwords.check("gridgov.identity.initial-password", initialPassword, null);
        String hash = passwords.hash(initialPassword);
        for (var account : List.of(
                new Object[] {"admin", "系统管理员", Role.SYSTEM_ADMIN},
                new Object[] {"secadmin", "安全管理员", Role.SECURITY_ADMIN},
                new Object[] {"auditor", "审计管理员", Role.AUDIT_ADMIN})) {
            users.insert(
                    new NewUser(
                            (String) account[0],
                            (String) account[1],
                            null,
                            null,
                            null,
                            ScopeKind.REGION,
                            rootCode,
                            hash,
                            passwords.mustChange(),
                            Set.of((Role) account[2]),
                            List.of()),
                    clock.instant());
        }
        log.warn("Created the first accounts admin, secadmin and auditor; change their passwords at first sign-in");
    }
}
