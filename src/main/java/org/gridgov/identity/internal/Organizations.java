package org.gridgov.identity.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.gridgov.common.CurrentScope;
import org.gridgov.common.FieldProblem;
import org.gridgov.common.PageQuery;
import org.gridgov.common.PageResult;
import org.gridgov.common.ProblemException;
import org.gridgov.identity.CurrentUser;
import org.gridgov.identity.OrganizationRef;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Centers (county, township, village station) and departments, each on a node of the region tree. */
@Service
@Transactional
public class Organizations {

    static final Set<String> KINDS = Set.of("CENTER", "DEPARTMENT", "STATION");
    static final Set<String> KINDS_OF_CENTERS = Set.of("CENTER", "STATION");

    private final OrganizationRepository organizations;
    private final CurrentScope scope;

    /**
     * Names by code, for showing the codes that events and their histories keep. Nothing renames an organization,
     * and every write through this class forgets them all; a code not here yet (an organization added since, on any
     * node) is read on first use.
     */
    private final Map<String, String> names = new ConcurrentHashMap<>();

    Organizations(OrganizationRepository organizations, CurrentScope scope) {
        this.organizations = organizations;
        this.scope = scope;
    }

    public record OrganizationView(long id, String code, String name, String kind, String regionCode, Long parentId) {}

    public PageResult<OrganizationView> children(CurrentUser actor, Long parentId, PageQuery page) {
        var rows = organizations.children(parentId, scope.regionPrefix(), page).stream()
                .map(Organizations::view)
                .toList();
        return PageResult.of(rows, page, organizations.countChildren(parentId, scope.regionPrefix()));
    }

    public OrganizationView create(
            CurrentUser actor, String code, String name, String kind, String regionCode, Long parentId) {
        var errors = new ArrayList<FieldProblem>();
        if (code == null || !code.matches("[A-Za-z0-9-]{2,40}")) {
            errors.add(new FieldProblem("code", "format", "组织编码为 2 到 40 位字母、数字或 -", "code: 2-40 letters, digits, -"));
        } else if (organizations.findByCode(code).isPresent()) {
            errors.add(new FieldProblem("code", "taken", "组织编码已存在", "code is taken"));
        }
        if (name == null || name.isBlank() || name.length() > 100) {
            errors.add(new FieldProblem("name", "required", "须填写名称", "name is required"));
        }
        if (kind == null || !KINDS.contains(kind)) {
            errors.add(new FieldProblem(
                    "kind",
                    "unknown-value",
                    "类型须为 CENTER、DEPARTMENT 或 STATION",
                    "kind: CENTER, DEPARTMENT or STATION"));
        }
        if (regionCode == null || !regionCode.startsWith(scope.regionPrefix())) {
            errors.add(new FieldProblem(
                    "regionCode", "outside-scope", "所属区划须在您的管辖范围内", "regionCode must lie in your scope"));
        }
        if (parentId != null && organizations.findById(parentId).isEmpty()) {
            errors.add(new FieldProblem("parentId", "unknown-parent", "上级组织不存在", "unknown parent organization"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        long id = organizations.insert(code, name.trim(), kind, regionCode, parentId);
        names.clear();
        return view(organizations.findById(id).orElseThrow());
    }

    public Optional<OrganizationRef> ref(String code) {
        return organizations.findByCode(code).map(Organizations::ref);
    }

    /** The names of the organizations of these codes; unknown codes (and nulls) are left out. */
    public Map<String, String> names(Collection<String> codes) {
        var found = new HashMap<String, String>();
        var missing = new ArrayList<String>();
        for (var code : codes) {
            if (code == null) {
                continue;
            }
            var name = names.get(code);
            if (name != null) {
                found.put(code, name);
            } else {
                missing.add(code);
            }
        }
        if (!missing.isEmpty()) {
            for (var row : organizations.findByCodes(missing)) {
                names.put(row.code(), row.name());
                found.put(row.code(), row.name());
            }
        }
        return found;
    }

    /**
     * The organizations the caller may dispatch work to from organization {@code from}, within the caller's scope
     * (see {@link OrganizationRepository#dispatchTargets}); {@code preferred} codes first.
     *
     * @param name a fragment of the name or the start of the code; null for all
     */
    public PageResult<OrganizationRef> dispatchTargets(
            String from, String name, List<String> preferred, PageQuery page) {
        var filter = new OrganizationRepository.DispatchFilter(from, scope.regionPrefix(), null, name);
        var rows = organizations.dispatchTargets(filter, preferred, page).stream()
                .map(Organizations::ref)
                .toList();
        return PageResult.of(rows, page, organizations.countDispatchTargets(filter));
    }

    /** Whether the caller may dispatch work from organization {@code from} to organization {@code to}. */
    public boolean isDispatchTarget(String from, String to) {
        Objects.requireNonNull(to, "to");
        var filter = new OrganizationRepository.DispatchFilter(from, scope.regionPrefix(), to, null);
        return organizations.countDispatchTargets(filter) > 0;
    }

    public Optional<OrganizationRef> lowestCenterCovering(String code) {
        return organizations.centersCovering(code).stream().findFirst().map(Organizations::ref);
    }

    public Optional<OrganizationRef> centerAt(String code, int regionCodeLength) {
        return organizations.centersCovering(code).stream()
                .filter(o -> o.regionCode().length() == regionCodeLength)
                .findFirst()
                .map(Organizations::ref);
    }

    public Optional<OrganizationRef> parentCenter(String code) {
        var current = organizations.findByCode(code).orElse(null);
        while (current != null && current.parentId() != null) {
            current = organizations.findById(current.parentId()).orElse(null);
            if (current != null && KINDS_OF_CENTERS.contains(current.kind())) {
                return Optional.of(ref(current));
            }
        }
        return Optional.empty();
    }

    private static OrganizationRef ref(OrganizationRepository.OrganizationRow row) {
        return new OrganizationRef(row.code(), row.name(), row.kind(), row.regionCode());
    }

    private static OrganizationView view(OrganizationRepository.OrganizationRow row) {
        return new OrganizationView(row.id(), row.code(), row.name(), row.kind(), row.regionCode(), row.parentId());
    }
}
