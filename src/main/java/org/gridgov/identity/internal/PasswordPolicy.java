package org.gridgov.identity.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.gridgov.common.FieldProblem;
import org.gridgov.common.ProblemException;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * What a password must look like and how long it lasts: at least 8 characters of at least 3 of the 4 kinds (upper
 * case, lower case, digits, symbols), changed every 90 days (GB/T 22239-2019 8.1.4.1 a; both configurable); at most
 * 72 bytes, all BCrypt reads; not one of a shipped list of common passwords; and a new password none of the account's
 * last {@value #REMEMBERED} passwords.
 */
@Component
class PasswordPolicy {

    /** BCrypt reads no more than this many bytes of a password. */
    static final int MAX_BYTES = 72;

    /** How many of an account's passwords a new one must differ from, the current one included. */
    static final int REMEMBERED = 5;

    private final IdentitySettings settings;
    private final Clock clock;
    private final PasswordEncoder encoder = new BCryptPasswordEncoder(10);
    private final Set<String> common;
    /** The hash of a password nobody has: checked against to spend a check's time when there is nothing to check. */
    private final String decoyHash;

    PasswordPolicy(IdentitySettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.common = load("identity/common-passwords.txt");
        this.decoyHash = encoder.encode(java.util.UUID.randomUUID().toString());
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
        } else if (tooLong(password)) {
            problems.add(new FieldProblem(
                    field,
                    "too-long",
                    "密码最长 " + MAX_BYTES + " 字节（约 24 个汉字或 72 个字母）",
                    "the password may have at most " + MAX_BYTES + " bytes (UTF-8)"));
        } else {
            if (classes(password) < settings.passwordMinClasses()) {
                problems.add(new FieldProblem(
                        field,
                        "too-simple",
                        "密码须包含大写字母、小写字母、数字、符号中的至少 " + settings.passwordMinClasses() + " 类",
                        "the password needs at least " + settings.passwordMinClasses()
                                + " of upper case, lower case, digits and symbols"));
            }
            if (username != null && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
                problems.add(new FieldProblem(
                        field, "contains-username", "密码不能包含用户名", "the password must not contain the username"));
            }
            if (common.contains(password.toLowerCase(Locale.ROOT))) {
                problems.add(new FieldProblem(
                        field,
                        "too-common",
                        "该密码过于常见，容易被猜中，请换一个",
                        "the password is too common and easily guessed; choose another"));
            }
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
    }

    /** Refuses, naming {@code field}, a password that matches one of {@code recentHashes} (the account's last ones). */
    void checkNotReused(String field, String password, List<String> recentHashes) {
        for (String hash : recentHashes) {
            if (matches(password, hash)) {
                throw ProblemException.invalid(
                        field,
                        "reused",
                        "新密码不能与最近 " + REMEMBERED + " 次使用过的密码相同",
                        "the new password must differ from the last " + REMEMBERED + " passwords");
            }
        }
    }

    String hash(String password) {
        return encoder.encode(password);
    }

    /**
     * Whether the password is the one of {@code hash}. A password BCrypt cannot read (over {@value #MAX_BYTES} bytes)
     * is simply wrong, after the time a check takes, so that it answers like any other wrong password.
     */
    boolean matches(String password, String hash) {
        if (password == null || hash == null || tooLong(password)) {
            encoder.matches("decoy", decoyHash);
            return false;
        }
        return encoder.matches(password, hash);
    }

    /** Spends the time of one password check: for sign-ins that are refused before any check. */
    void spendCheckTime(String password) {
        matches(password, decoyHash);
    }

    boolean expired(Instant changedAt) {
        return changedAt.plus(settings.passwordMaxAge()).isBefore(clock.instant());
    }

    /** A moment long enough ago that a password set then counts as expired: for initial and reset passwords. */
    Instant mustChange() {
        return Instant.EPOCH;
    }

    private static boolean tooLong(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES;
    }

    private static Set<String> load(String resource) {
        var entries = new HashSet<String>();
        try (var reader = new BufferedReader(
                new InputStreamReader(new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String entry = line.strip();
                if (!entry.isEmpty() && !entry.startsWith("#")) {
                    entries.add(entry.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the list of common passwords " + resource, e);
        }
        return Set.copyOf(entries);
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
