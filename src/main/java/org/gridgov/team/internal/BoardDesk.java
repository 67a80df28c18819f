package org.gridgov.team.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridgov.audit.AuditAction;
import org.gridgov.audit.AuditEntry;
import org.gridgov.audit.AuditLog;
import org.gridgov.audit.AuditResult;
import org.gridgov.common.PageQuery;
import org.gridgov.common.PageResult;
import org.gridgov.common.PersonalData;
import org.gridgov.common.PersonalDataKind;
import org.gridgov.identity.CurrentUsers;
import org.gridgov.region.RegionApi;
import org.gridgov.team.Chain;
import org.gridgov.team.Employment;
import org.gridgov.team.Position;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The grid boards (网格公示牌) of the grids under an area: each grid's name and code, its team with phones and duties,
 * the cadres who answer for it and the service hotline, to be printed and put up in the grid. A board publishes the
 * team's phones in full — that is what it is for — so each page of boards is audited as an unmasked view.
 */
@Service
@Transactional(readOnly = true)
class BoardDesk {

    static final String PURPOSE = "网格公示牌打印 grid board print";

    /** A grid's board. {@code path} names the township and village the grid lies in, top-down. */
    record Board(
            String gridCode,
            String gridName,
            List<String> path,
            List<BoardMember> members,
            List<Chain.Level> chain,
            String hotline,
            LocalDate on) {}

    /** A member as the board shows them: position, name, phone in full, duties. */
    record BoardMember(
            String positionName,
            String positionNameEn,
            Employment employment,
            String name,
            String phone,
            String duties) {}

    private final TeamScope scope;
    private final RegionApi regions;
    private final RosterRepository members;
    private final PositionRepository positions;
    private final AssignmentDesk assignments;
    private final PersonalData personalData;
    private final CurrentUsers users;
    private final AuditLog audit;
    private final TeamDays days;
    private final String hotline;

    BoardDesk(
            TeamScope scope,
            RegionApi regions,
            RosterRepository members,
            PositionRepository positions,
            AssignmentDesk assignments,
            PersonalData personalData,
            CurrentUsers users,
            AuditLog audit,
            TeamDays days,
            @Value("${gridgov.board.hotline:12345}") String hotline) {
        this.scope = scope;
        this.regions = regions;
        this.members = members;
        this.positions = positions;
        this.assignments = assignments;
        this.personalData = personalData;
        this.users = users;
        this.audit = audit;
        this.days = days;
        this.hotline = hotline;
    }

    /** The boards of the current grids under a region of the caller's scope (a grid, village or township), by code. */
    PageResult<Board> boards(String regionCode, LocalDate on, PageQuery page) {
        String region = scope.region(regionCode);
        LocalDate day = FormFields.day("on", on, days.today());
        List<String> codes = regions.gridCodesUnder(region).stream()
                .filter(scope::covers)
                .sorted()
                .toList();
        int from = (int) Math.min(page.offset(), codes.size());
        List<String> pageCodes = codes.subList(from, Math.min(from + page.size(), codes.size()));
        Map<String, Position> byCode = new LinkedHashMap<>();
        positions.all().forEach(p -> byCode.put(p.code(), p));
        // The township and village above each grid, named in one read for the page.
        var areaNames = regions.names(pageCodes.stream()
                .flatMap(code -> java.util.stream.Stream.of(code.substring(0, 9), code.substring(0, 12)))
                .distinct()
                .toList());
        var boards = new ArrayList<Board>();
        int phones = 0;
        for (String code : pageCodes) {
            var team = new ArrayList<BoardMember>();
            for (var m : members.roster(code, day, scope.data(), new PageQuery(0, PageQuery.MAX_SIZE))) {
                var position = byCode.get(m.positionCode());
                String phone = m.phone() == null ? null : personalData.open(PersonalDataKind.PHONE, m.phone());
                phones += phone == null ? 0 : 1;
                team.add(new BoardMember(
                        position == null ? m.positionCode() : position.name(),
                        position == null ? m.positionCode() : position.nameEn(),
                        m.employment(),
                        m.name(),
                        phone,
                        m.duties()));
            }
            var chain = assignments.chain(code, day);
            var path = java.util.stream.Stream.of(code.substring(0, 9), code.substring(0, 12))
                    .map(areaNames::get)
                    .filter(java.util.Objects::nonNull)
                    .toList();
            boards.add(new Board(code, chain.gridName(), path, team, chain.levels(), hotline, day));
        }
        if (!boards.isEmpty()) {
            var user = users.require();
            audit.record(AuditEntry.builder(AuditAction.UNMASK, AuditResult.SUCCESS)
                    .userId(user.id())
                    .username(user.username())
                    .roles(user.rolesText())
                    .organization(user.organizationCode())
                    .object("team-board", region)
                    .purpose(PURPOSE)
                    .detail("grids=" + boards.size() + " phones=" + phones + " page=" + page.page())
                    .build());
        }
        return PageResult.of(boards, page, codes.size());
    }
}
