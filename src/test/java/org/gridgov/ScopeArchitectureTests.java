package org.gridgov;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.gridgov.common.ScopedData;
import org.gridgov.common.Unscoped;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Repository;

/**
 * The one mechanism that keeps every query of scoped data inside the caller's part of the tree: repositories declare
 * the scoped tables they name ({@link ScopedData}); whoever uses such a repository applies a scope (depends on a
 * {@code *Scope} type) or declares why not ({@link Unscoped}); and a table no repository declares scoped must be on
 * the short list of tables that belong to no region. A new table or module therefore cannot be forgotten.
 */
class ScopeArchitectureTests {

    /** Tables that hold nothing of a region: sign-in tokens, the audit log (read whole by auditors), framework tables. */
    private static final Set<String> UNSCOPED_TABLES = Set.of(
            "api_token",
            "audit_log",
            "audit_outbox",
            "event_publication",
            "flyway_schema_history",
            "calendar_day",
            "calendar_year",
            "calendar_change",
            "catalog_version",
            "event_category",
            "time_limit_rule",
            "responsibility",
            "code_value",
            "person_group_type",
            "person_group_field",
            "register_type",
            "team_position",
            "visit_schedule");

    private static final Pattern TABLE = Pattern.compile(
            "\\b(?:from|join|update|into)\\s+([a-z_][a-z0-9_]*)\\b(?!\\s*\\()", Pattern.CASE_INSENSITIVE);

    private static final Pattern COMMON_TABLE = Pattern.compile(
            "(?:\\bwith|,)\\s+([a-z_][a-z0-9_]*)\\s+as\\s+(?:(?:not\\s+)?materialized\\s+)?\\(",
            Pattern.CASE_INSENSITIVE);

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.gridgov");

    @Test
    void everyTableARepositoryNamesIsDeclaredScopedOrKnownUnscoped() throws IOException {
        var problems = new ArrayList<String>();
        for (var repository : classes) {
            if (!repository.isAnnotatedWith(Repository.class)) {
                continue;
            }
            var declared = repository.isAnnotatedWith(ScopedData.class)
                    ? Set.of(repository.getAnnotationOfType(ScopedData.class).tables())
                    : Set.<String>of();
            for (var table : tablesNamedIn(repository)) {
                if (!declared.contains(table) && !UNSCOPED_TABLES.contains(table)) {
                    problems.add(repository.getSimpleName() + " names table " + table
                            + " but neither declares it in @ScopedData nor is it a known unscoped table");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void usersOfScopedRepositoriesApplyAScopeOrSayWhyNot() {
        var problems = new ArrayList<String>();
        for (var user : classes) {
            // A nested class shares its enclosing class's scope, as it shares its fields.
            var owner = user;
            while (owner.getEnclosingClass().isPresent()) {
                owner = owner.getEnclosingClass().get();
            }
            if (owner.isAnnotatedWith(ScopedData.class) || owner.isAnnotatedWith(Unscoped.class)) {
                continue;
            }
            boolean usesScopedRepository =
                    dependencies(user).stream().anyMatch(target -> target.isAnnotatedWith(ScopedData.class));
            boolean appliesScope = dependencies(owner).stream()
                    .anyMatch(target -> target.getSimpleName().endsWith("Scope"));
            if (usesScopedRepository && !appliesScope) {
                problems.add(user.getName() + " uses a @ScopedData repository without a *Scope and without @Unscoped");
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theRuleSeesTheRepositoriesItGuards() {
        var scoped = classes.stream()
                .filter(c -> c.isAnnotatedWith(ScopedData.class))
                .toList();
        assertThat(scoped)
                .extracting(JavaClass::getSimpleName)
                .contains("RegionRepository", "GridRepository", "UserRepository", "OrganizationRepository");
    }

    private static Set<JavaClass> dependencies(JavaClass user) {
        var targets = new HashSet<JavaClass>();
        user.getDirectDependenciesFromSelf().forEach(d -> targets.add(d.getTargetClass()));
        user.getFields().forEach(f -> targets.add(f.getRawType()));
        return targets;
    }

    /** Table names in the SQL of a repository's source file. */
    private static Set<String> tablesNamedIn(JavaClass repository) throws IOException {
        var source = Path.of("src/main/java", repository.getName().replace('.', '/') + ".java");
        var tables = new HashSet<String>();
        // Only statements name tables: the prose of comments ("reads ... from its index") would be taken for SQL.
        String text =
                Files.readString(source).replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("(?m)^\\s*//.*$", " ");
        // Names a statement gives its own parts ("with fresh as (...)") are not tables.
        var commonTables = new HashSet<String>();
        var named = COMMON_TABLE.matcher(text);
        while (named.find()) {
            commonTables.add(named.group(1).toLowerCase());
        }
        var matcher = TABLE.matcher(text);
        while (matcher.find()) {
            String name = matcher.group(1).toLowerCase();
            if (commonTables.contains(name)) {
                continue;
            }
            // "from (select ...)", "from unnest(...)", "for update skip locked" and the like are not tables.
            if (!Set.of("select", "the", "as", "only", "lateral", "set", "skip", "nowait", "of")
                    .contains(name)) {
                tables.add(name);
            }
        }
        return tables;
    }
}
