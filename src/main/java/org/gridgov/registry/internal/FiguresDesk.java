package org.gridgov.registry.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import org.gridgov.common.DataScope;
import org.gridgov.common.PageQuery;
import org.gridgov.common.PageResult;
import org.gridgov.common.Permissions;
import org.gridgov.common.ProblemException;
import org.gridgov.identity.CurrentUsers;
import org.gridgov.region.RegionApi;
import org.gridgov.registry.internal.RegistryFigures.AreaCounts;
import org.gridgov.registry.internal.RegistryFigures.GridQuality;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registry's figures for the signed-in caller: counts per township, village or grid below an area, and the grids
 * whose records are least complete or least recently confirmed.
 */
@Service
@Transactional(readOnly = true)
public class FiguresDesk {

    private final ResidentScope scope;
    private final FiguresRepository figures;
    private final RegionApi regions;
    private final CurrentUsers users;
    private final Clock clock;
    private final int verifyMonths;

    FiguresDesk(
            ResidentScope scope,
            FiguresRepository figures,
            RegionApi regions,
            CurrentUsers users,
            Clock clock,
            @Value("${gridgov.registry.verify-months:6}") int verifyMonths) {
        this.scope = scope;
        this.figures = figures;
        this.regions = regions;
        this.users = users;
        this.clock = clock;
        this.verifyMonths = verifyMonths;
    }

    /** Counts per area one level below {@code region} (the caller's own area when null or above it). */
    public List<AreaCounts> counts(String region) {
        var area = within(region);
        String prefix = area.prefix();
        int length = switch (prefix.length()) {
            case 6 -> 9;
            case 9 -> 12;
            case 12 -> 15;
            default -> prefix.length();
        };
        boolean special = users.require().can(Permissions.SPECIAL_READ);
        var people = figures.residentsPerArea(area, length, special);
        var houses = new HashMap<String, FiguresRepository.HouseCounts>();
        figures.housesPerArea(area, length).forEach(h -> houses.put(h.code(), h));
        var codes = new LinkedHashSet<String>();
        people.forEach(p -> codes.add(p.code()));
        codes.addAll(houses.keySet());
        var names = regions.names(codes);
        var byCode = new HashMap<String, FiguresRepository.ResidentCounts>();
        people.forEach(p -> byCode.put(p.code(), p));
        var out = new ArrayList<AreaCounts>();
        for (String code : codes.stream().sorted().toList()) {
            var p = byCode.getOrDefault(code, new FiguresRepository.ResidentCounts(code, 0, 0, 0, 0, 0, 0, 0));
            var h = houses.getOrDefault(code, new FiguresRepository.HouseCounts(code, 0, 0));
            out.add(new AreaCounts(
                    code,
                    names.get(code),
                    p.residents(),
                    p.registered(),
                    p.floating(),
                    p.foreign(),
                    p.leftBehind(),
                    p.households(),
                    h.houses(),
                    h.rentals(),
                    special ? p.specialGroupMembers() : null));
        }
        return out;
    }

    /** The grids under {@code region}, the least complete first. */
    public PageResult<GridQuality> quality(String region, PageQuery page) {
        var area = within(region);
        var today = clock.instant().atZone(GroupDesk.CHINA);
        var verifiedBefore = today.minusMonths(verifyMonths).toInstant();
        boolean special = users.require().can(Permissions.SPECIAL_READ);
        var gaps = figures.gaps(area, verifiedBefore, today.toLocalDate(), special, page);
        var names = regions.names(
                gaps.stream().map(FiguresRepository.GridGaps::gridCode).toList());
        var rows = gaps.stream()
                .map(g -> new GridQuality(
                        g.gridCode(),
                        names.get(g.gridCode()),
                        g.residents(),
                        g.missingPhone(),
                        g.missingAddress(),
                        g.missingHousehold(),
                        g.missingEthnicity(),
                        // Four required fields per resident; a grid without residents has nothing missing.
                        g.residents() == 0
                                ? 1.0
                                : 1.0
                                        - (g.missingPhone()
                                                        + g.missingAddress()
                                                        + g.missingHousehold()
                                                        + g.missingEthnicity())
                                                / (4.0 * g.residents()),
                        g.unverified(),
                        special ? g.overdueFollowUps() : null,
                        verifiedBefore))
                .toList();
        return PageResult.of(rows, page, figures.countGrids(area));
    }

    /** Someone saw the person and the record is right: it counts as confirmed from now. */
    @Transactional
    public void confirm(long residentId) {
        if (!figures.confirm(residentId, scope.data(), clock.instant())) {
            throw ProblemException.notFound("人员不存在或已注销", "No such current resident");
        }
    }

    /**
     * The area to count: the one asked for when it lies in the caller's scope, the caller's own when above it; a
     * caller who covers grids counts only those, wherever they ask.
     */
    private DataScope within(String region) {
        var scope = this.scope.data();
        String own = scope.prefix();
        if (region == null || region.isBlank() || own.startsWith(region.strip())) {
            return scope;
        }
        String asked = region.strip();
        if (!asked.matches("\\d{6,17}")) {
            throw ProblemException.invalid("region", "format", "区划或网格编码须为 6 至 17 位数字", "region must be 6 to 17 digits");
        }
        if (!scope.reaches(asked)) {
            throw ProblemException.notFound("区域不在您的管辖范围内", "The region lies outside your scope");
        }
        return new DataScope(asked, scope.grids());
    }
}
