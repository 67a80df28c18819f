package org.gridgov.event.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.gridgov.event.CategorySnapshot;
import org.gridgov.event.Step;
import org.gridgov.event.TimeUnitKind;
import org.gridgov.event.Urgency;
import org.gridgov.event.internal.CatalogRepository.CategoryRow;
import org.gridgov.event.internal.CatalogRepository.ResponsibilityRow;
import org.gridgov.event.internal.CatalogRepository.RuleRow;
import org.springframework.stereotype.Component;

/** The current version of the event category catalog: categories, their time limits and who handles them. */
@Component
public class EventCatalog {

    /**
     * The limit of a step no rule covers, neither the category's nor its major's, for no area class. A catalog
     * should never lack one, but if it does, a short limit makes the case come due early and be noticed, where a
     * long one would let it lie; urgent and emergency cases still escalate on their own.
     */
    static final Map<Urgency, TimeLimit> LAST_RESORT = Map.of(
            Urgency.NORMAL, new TimeLimit(1, TimeUnitKind.WORKING_DAYS, false),
            Urgency.URGENT, new TimeLimit(4, TimeUnitKind.WORKING_HOURS, true),
            Urgency.EMERGENCY, new TimeLimit(1, TimeUnitKind.NATURAL_HOURS, true));

    /** The levels responsibilities are kept at, as {@code responsibility.region_level} allows. */
    static final List<String> REGION_LEVELS = List.of("COUNTY", "TOWNSHIP");

    private final CatalogRepository repository;
    private final Clock clock;

    /** Published versions are never edited, so a loaded version stays valid for the life of the application. */
    private final Map<Integer, Version> versions = new ConcurrentHashMap<>();

    EventCatalog(CatalogRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** How long a step may take, and whether it escalates by itself when overdue. */
    public record TimeLimit(int amount, TimeUnitKind unit, boolean autoEscalate) {}

    /** A category of the current version with its major, or empty for a code the current version lacks. */
    public Optional<CategorySnapshot> current(String code) {
        return current().snapshot(code);
    }

    /**
     * The time limit of a step, never null. The most specific rule wins, the category before the area class: the
     * category's rule for the area class, then its rule for any area, then its major's rule for the area class,
     * then its major's rule for any area, then {@link #LAST_RESORT}, which also answers for a code the current
     * version lacks.
     *
     * @param areaClass {@code A}, {@code B} or {@code C}; null or blank when unknown
     */
    public TimeLimit limit(String categoryCode, Urgency urgency, String areaClass, Step step) {
        Objects.requireNonNull(urgency, "urgency");
        Objects.requireNonNull(step, "step");
        return current()
                .rule(categoryCode, urgency, areaClass, step)
                .map(rule -> new TimeLimit(rule.amount(), rule.unit(), rule.autoEscalate()))
                .orElse(LAST_RESORT.get(urgency));
    }

    /**
     * The codes of the organizations that handle a category at a region level ({@code COUNTY} or {@code
     * TOWNSHIP}, null for every level): the category's own, or its major's when it has none at that level.
     */
    public List<String> responsibleOrganizations(String categoryCode, String regionLevel) {
        return current().responsibilities(categoryCode, regionLevel).stream()
                .map(ResponsibilityRow::organizationCode)
                .distinct()
                .toList();
    }

    /** The current version, loaded once; an empty one while nothing is published. */
    Version current() {
        return repository.currentVersionId(clock.instant()).map(this::version).orElse(Version.EMPTY);
    }

    Version version(int id) {
        return versions.computeIfAbsent(
                id, v -> new Version(v, repository.categories(v), repository.rules(v), repository.responsibilities(v)));
    }

    /** One catalog version held in memory; the whole catalog is a few hundred rows. */
    static final class Version {

        static final Version EMPTY = new Version(0, List.of(), List.of(), List.of());

        private final int id;
        private final Map<String, CategoryRow> categories = new LinkedHashMap<>();
        private final Map<String, List<CategoryRow>> children = new HashMap<>();
        private final List<CategoryRow> majors = new ArrayList<>();
        private final Map<RuleKey, RuleRow> rules = new HashMap<>();
        private final Map<String, List<RuleRow>> rulesByCategory = new HashMap<>();
        private final Map<String, List<ResponsibilityRow>> responsibilities = new HashMap<>();

        private record RuleKey(String categoryCode, Urgency urgency, String areaClass, Step step) {}

        Version(int id, List<CategoryRow> categories, List<RuleRow> rules, List<ResponsibilityRow> responsibilities) {
            this.id = id;
            for (var category : categories) {
                this.categories.put(category.code(), category);
                if (category.isMajor()) {
                    majors.add(category);
                } else {
                    children.computeIfAbsent(category.parentCode(), k -> new ArrayList<>())
                            .add(category);
                }
            }
            for (var rule : rules) {
                this.rules.put(new RuleKey(rule.categoryCode(), rule.urgency(), rule.areaClass(), rule.step()), rule);
                rulesByCategory
                        .computeIfAbsent(rule.categoryCode(), k -> new ArrayList<>())
                        .add(rule);
            }
            for (var responsibility : responsibilities) {
                this.responsibilities
                        .computeIfAbsent(responsibility.categoryCode(), k -> new ArrayList<>())
                        .add(responsibility);
            }
        }

        int id() {
            return id;
        }

        Optional<CategoryRow> category(String code) {
            return Optional.ofNullable(code == null ? null : categories.get(code));
        }

        Optional<CategoryRow> major(CategoryRow category) {
            return category.isMajor() ? Optional.of(category) : category(category.parentCode());
        }

        Optional<CategorySnapshot> snapshot(String code) {
            return category(code)
                    .flatMap(category -> major(category)
                            .map(major -> new CategorySnapshot(
                                    id,
                                    category.code(),
                                    category.name(),
                                    major.code(),
                                    major.name(),
                                    category.domain(),
                                    category.standardRef(),
                                    category.localExtension())));
        }

        /** The majors when {@code parentCode} is null, else the minors under it, by code. */
        List<CategoryRow> children(String parentCode) {
            return parentCode == null ? List.copyOf(majors) : List.copyOf(children.getOrDefault(parentCode, List.of()));
        }

        boolean hasChildren(String code) {
            return children.containsKey(code);
        }

        /** The rule {@link EventCatalog#limit} applies, or empty when only the last resort is left. */
        Optional<RuleRow> rule(String categoryCode, Urgency urgency, String areaClass, Step step) {
            var category = category(categoryCode);
            if (category.isEmpty()) {
                return Optional.empty();
            }
            String area = areaClass == null || areaClass.isBlank()
                    ? null
                    : areaClass.strip().toUpperCase(Locale.ROOT);
            var own = category.get();
            var codes = own.isMajor() ? List.of(own.code()) : List.of(own.code(), own.parentCode());
            for (var code : codes) {
                if (area != null) {
                    var specific = rules.get(new RuleKey(code, urgency, area, step));
                    if (specific != null) {
                        return Optional.of(specific);
                    }
                }
                var any = rules.get(new RuleKey(code, urgency, null, step));
                if (any != null) {
                    return Optional.of(any);
                }
            }
            return Optional.empty();
        }

        /** The rules recorded for the category itself, not those it inherits. */
        List<RuleRow> ownRules(String code) {
            return List.copyOf(rulesByCategory.getOrDefault(code, List.of()));
        }

        /** Per level (every level when null): a category's own responsibilities there, else its major's. */
        List<ResponsibilityRow> responsibilities(String code, String regionLevel) {
            var category = category(code);
            if (category.isEmpty()) {
                return List.of();
            }
            var result = new ArrayList<ResponsibilityRow>();
            for (var level : regionLevel == null ? REGION_LEVELS : List.of(regionLevel)) {
                var own = ownResponsibilities(code, level);
                result.addAll(
                        own.isEmpty() && !category.get().isMajor()
                                ? ownResponsibilities(category.get().parentCode(), level)
                                : own);
            }
            return result;
        }

        private List<ResponsibilityRow> ownResponsibilities(String code, String regionLevel) {
            return responsibilities.getOrDefault(code, List.of()).stream()
                    .filter(r -> r.regionLevel().equals(regionLevel))
                    .toList();
        }
    }
}
