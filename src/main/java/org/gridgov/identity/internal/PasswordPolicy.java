package org.gridgov.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.gridgov.common.FieldProblem;
import org.gridgov.common.ProblemException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * What a password must look like and how long it lasts: at least 8 characters of at least 3 of the 4 kinds (upper
 * case, lower case, digits, symbols), changed every 90 days (GB/T 22239-2019 8.1.4.1 a; both configurable).
 */
@Component
class PasswordPolicy {

    private final IdentitySettings settings;
    private final Clock clock;
    private final PasswordEncoder encoder = new BCryptPasswordEncoder(10);

    PasswordPolicy(IdentitySettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** Refuses a weak password with a 400 naming {@code field}. */
    void check(String field, String password, String username) {
        var problems = new ArrayList<FieldProblem>();
        if (password == null || password.length() < settings.passwordMinLength()) {
            problems.add(new FieldProblem(
                    field,
                    "too-short",
                    "密码至少 " + settings.passwordMinLength() + " 位",
                    "the password needs at least " + settings.passwordMinLength() + " characters"));
        } else {
            if (classes(password) < settings.passwordMinClasses()) {
                problems.add(new FieldProblem(
                        field,
                        "too-simple",
                        "密码须包含大写字母、小写字母、数字、符号中的至少 " + settings.passwordMinClasses() + " 类",
                        "the password needs at least " + settings.passwordMinClasses()
                                + " of upper case, lower case, digits and symbols"));
            }
            if (username != null && password.toLowerCase().contains(username.toLowerCase())) {
                problems.add(new FieldProblem(
                        field, "contains-username", "密码不能包含用户名", "the password must not contain the username"));
            }
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
    }

    String hash(String password) {
        return encoder.encode(password);
    }

    boolean matches(String password, String hash) {
        return password != null && encoder.matches(password, hash);
    }

    boolean expired(Instant changedAt) {
        return changedAt.plus(settings.passwordMaxAge()).isBefore(clock.instant());
    }

    /** A moment long enough ago that a password set then counts as expired: for initial and reset passwords. */
    Instant mustChange() {
        return Instant.EPOCH;
    }

    private static int classes(String password) {
        boolean upper = false, lower = false, digit = false, symbol = false;
        for (char c : password.toCharArray()) {
            if (Character.isUpperCase(c)) {
                upper = true;
            } else if (Character.isLowerCase(c)) {
                lower = true;
            } else if (Character.isDigit(c)) {
                digit = true;
            } else {
                symbol = true;
            }
        }
        return List.of(upper, lower, digit, symbol).stream()
                .mapToInt(b -> b ? 1 : 0)
                .sum();
    }
}
