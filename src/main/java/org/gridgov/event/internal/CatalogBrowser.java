package org.gridgov.event.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.gridgov.common.PageQuery;
import org.gridgov.common.PageResult;
import org.gridgov.common.ProblemException;
import org.gridgov.event.Step;
import org.gridgov.event.TimeUnitKind;
import org.gridgov.event.Urgency;
import org.gridgov.event.internal.CatalogRepository.CategoryRow;
import org.gridgov.event.internal.CatalogRepository.RuleRow;
import org.gridgov.event.internal.EventCatalog.Version;
import org.gridgov.identity.OrganizationDirectory;
import org.gridgov.identity.OrganizationRef;
import org.springframework.stereotype.Service;

/** Reads the catalog for people: one level of the category tree, one category with its rules and handlers, versions. */
@Service
public class CatalogBrowser {

    private final EventCatalog catalog;
    private final CatalogRepository repository;
    private final OrganizationDirectory organizations;

    CatalogBrowser(EventCatalog catalog, CatalogRepository repository, OrganizationDirectory organizations) {
        this.catalog = catalog;
        this.repository = repository;
        this.organizations = organizations;
    }

    public record CategoryNode(
            String code,
            String name,
            String parentCode,
            String kind,
            String domain,
            String standardRef,
            boolean localExtension,
            boolean hasChildren) {}

    /** A time-limit rule as it applies to a category; {@code inherited} when it is the major's. */
    public record TimeLimitRule(
            String categoryCode,
            Urgency urgency,
            String areaClass,
            Step step,
            int amount,
            TimeUnitKind unit,
            boolean autoEscalate,
            boolean inherited) {}

    /** An organization handling a category at a level; {@code inherited} when it handles the whole major. */
    public record ResponsibleOrganization(
            String regionLevel, String organizationCode, String organizationName, boolean inherited) {}

    public record CategoryDetail(
            int versionId,
            String code,
            String name,
            String parentCode,
            String majorCode,
            String majorName,
            String kind,
            String domain,
            String standardRef,
            boolean localExtension,
            List<TimeLimitRule> timeLimits,
            List<ResponsibleOrganization> responsibilities) {}

    public record CatalogVersion(int id, String name, Instant publishedAt, boolean current, long categories) {}

    /** The minors under a major of the current version, or the majors when {@code parentCode} is null or blank. */
    public PageResult<CategoryNode> children(String parentCode, PageQuery page) {
        var version = catalog.current();
        String parent = parentCode == null || parentCode.isBlank() ? null : parentCode.strip();
        if (parent != null && version.category(parent).isEmpty()) {
            throw notFound(parent);
        }
        var all = version.children(parent);
        var content = all.stream()
                .skip(page.offset())
                .limit(page.size())
                .map(c -> node(version, c))
                .toList();
        return PageResult.of(content, page, all.size());
    }

    /** A category of the current version with the rules and organizations that apply to it. */
    public CategoryDetail detail(String code) {
        var version = catalog.current();
        var category = version.category(code).orElseThrow(() -> notFound(code));
        var major = version.major(category).orElse(category);
        return new CategoryDetail(
                version.id(),
                category.code(),
                category.name(),
                category.parentCode(),
                major.code(),
                major.name(),
                category.kind(),
                category.domain(),
                category.standardRef(),
                category.localExtension(),
                timeLimits(version, category),
                version.responsibilities(category.code(), null).stream()
                        .map(r -> new ResponsibleOrganization(
                                r.regionLevel(),
                                r.organizationCode(),
                                organizations
                                        .find(r.organizationCode())
                                        .map(OrganizationRef::name)
                                        .orElse(null),
                                !r.categoryCode().equals(category.code())))
                        .toList());
    }

    public PageResult<CatalogVersion> versions(PageQuery page) {
        int current = catalog.current().id();
        var content = repository.versions(page).stream()
                .map(v -> new CatalogVersion(v.id(), v.name(), v.publishedAt(), v.id() == current, v.categories()))
                .toList();
        return PageResult.of(content, page, repository.countVersions());
    }

    /**
     * The category's own rules and those of its major that {@link EventCatalog#limit} can still reach: a major's
     * rule is hidden for an urgency and step where the category has a rule for any area or for the same area.
     */
    private static List<TimeLimitRule> timeLimits(Version version, CategoryRow category) {
        var own = version.ownRules(category.code());
        var rules = new ArrayList<TimeLimitRule>();
        own.forEach(rule -> rules.add(view(rule, false)));
        if (!category.isMajor()) {
            for (var rule : version.ownRules(category.parentCode())) {
                boolean shadowed = own.stream()
                        .anyMatch(o -> o.urgency() == rule.urgency()
                                && o.step() == rule.step()
                                && (o.areaClass() == null || o.areaClass().equals(rule.areaClass())));
                if (!shadowed) {
                    rules.add(view(rule, true));
                }
            }
        }
        rules.sort(Comparator.comparing(TimeLimitRule::urgency)
                .thenComparing(TimeLimitRule::step)
                .thenComparing(TimeLimitRule::areaClass, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(TimeLimitRule::inherited));
        return rules;
    }

    private static TimeLimitRule view(RuleRow rule, boolean inherited) {
        return new TimeLimitRule(
                rule.categoryCode(),
                rule.urgency(),
                rule.areaClass(),
                rule.step(),
                rule.amount(),
                rule.unit(),
                rule.autoEscalate(),
                inherited);
    }

    private static CategoryNode node(Version version, CategoryRow category) {
        return new CategoryNode(
                category.code(),
                category.name(),
                category.parentCode(),
                category.kind(),
                category.domain(),
                category.standardRef(),
                category.localExtension(),
                version.hasChildren(category.code()));
    }

    static ProblemException notFound(String code) {
        return ProblemException.notFound("事件分类 " + code + " 不存在", "No event category with code " + code);
    }
}
