package org.gridgov.team.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.gridgov.common.PageQuery;
import org.gridgov.common.PersonalData;
import org.gridgov.common.PersonalDataKind;
import org.gridgov.common.Unscoped;
import org.gridgov.identity.AccountRef;
import org.gridgov.identity.Role;
import org.gridgov.identity.StaffDirectory;
import org.gridgov.region.GridSummary;
import org.gridgov.region.RegionApi;
import org.gridgov.team.CadreLevel;
import org.gridgov.team.Employment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A team in every grid of the demo county: a 网格长 (the demo grid leader's account in 站前社区), a 专职网格员 (the
 * demo grid worker accounts where they cover the grid), one or two 兼职网格员, and here and there a 网格辅助员, 信息员,
 * 楼栋长 or 联户代表; some grids with a worker whose phone changed (two versions) or a part-timer who left. A county
 * leader answers for every township and a township cadre for every village (包联). Names and phones are made up;
 * deterministic; created once, a batch of grids per statement.
 */
@Component
@Order(80)
@Unscoped("loads the demo teams at start-up, when there is no caller")
class DemoTeams implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoTeams.class);

    private static final String[] SURNAMES = {
        "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗", "梁", "宋",
        "郑", "谢"
    };
    private static final String[] GIVEN = {
        "建国", "秀英", "志明", "丽华", "海波", "春兰", "德胜", "小燕", "卫国", "桂芳", "文斌", "玉兰", "红梅", "永军", "淑珍", "宏亮", "晓丽", "长青",
        "明华", "翠英", "振华", "美琴", "国平", "金凤"
    };
    private static final String RECORDER = "系统导入";
    private static final int GRIDS_PER_BATCH = 400;

    private final RosterRepository members;
    private final AssignmentRepository assignments;
    private final PersonalData personalData;
    private final RegionApi regions;
    private final StaffDirectory staff;
    private final Clock clock;
    private final boolean enabled;

    DemoTeams(
            RosterRepository members,
            AssignmentRepository assignments,
            PersonalData personalData,
            RegionApi regions,
            StaffDirectory staff,
            Clock clock,
            @Value("${gridgov.demo.enabled:false}") boolean enabled) {
        this.members = members;
        this.assignments = assignments;
        this.personalData = personalData;
        this.regions = regions;
        this.staff = staff;
        this.clock = clock;
        this.enabled = enabled;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!enabled || members.any()) {
            return;
        }
        long started = System.nanoTime();
        String root = regions.rootCode();
        var random = new Random(20261203L);
        var now = clock.instant();
        var accounts = accountsByGrid(root);
        var grids = new ArrayList<GridSummary>();
        for (int page = 0; ; page++) {
            var found = regions.gridsUnder(root, page, 500);
            grids.addAll(found);
            if (found.size() < 500) {
                break;
            }
        }
        int count = 0;
        for (int from = 0; from < grids.size(); from += GRIDS_PER_BATCH) {
            count += teams(grids.subList(from, Math.min(grids.size(), from + GRIDS_PER_BATCH)), accounts, random, now);
        }
        int cadres = cadres(grids, root, random, now);
        log.info(
                "Demo teams created: {} member versions in {} grids, {} cadre assignments ({} ms)",
                count,
                grids.size(),
                cadres,
                (System.nanoTime() - started) / 1_000_000);
    }

    /** The demo accounts by the grids they serve: grid workers and assistants by their grids, leaders by village. */
    private Map<String, List<AccountRef>> accountsByGrid(String root) {
        var byGrid = new HashMap<String, List<AccountRef>>();
        for (int page = 0; ; page++) {
            var found = staff.accountsUnder(root, null, new PageQuery(page, PageQuery.MAX_SIZE));
            for (var account : found.content()) {
                if (account.roles().contains(Role.GRID_LEADER)) {
                    byGrid.computeIfAbsent(account.scopeCode(), k -> new ArrayList<>())
                            .add(account);
                }
                if (account.roles().contains(Role.GRID_WORKER)
                        || account.roles().contains(Role.GRID_ASSISTANT)) {
                    for (var grid : account.gridCodes()) {
                        byGrid.computeIfAbsent(grid, k -> new ArrayList<>()).add(account);
                    }
                }
            }
            if (page + 1 >= found.totalPages()) {
                break;
            }
        }
        return byGrid;
    }

    private int teams(List<GridSummary> grids, Map<String, List<AccountRef>> accounts, Random random, Instant now) {
        var first = new ArrayList<RosterRow>();
        // A later version needs its member's id, which the first version gets when it is inserted.
        var later = new LinkedHashMap<Integer, RosterRow>();
        for (var grid : grids) {
            String code = grid.code();
            var here = accounts.getOrDefault(code, List.of());
            var leader = account(accounts.getOrDefault(grid.villageCode(), List.of()), Role.GRID_LEADER);
            var worker = account(here, Role.GRID_WORKER);
            var assistant = account(here, Role.GRID_ASSISTANT);
            LocalDate since = LocalDate.of(2023, 1, 1).plusDays(random.nextInt(900));
            first.add(member(
                    code,
                    "GRID_LEADER",
                    Employment.PART_TIME,
                    leader,
                    "统筹本网格服务管理工作，组织网格队伍巡查走访、化解矛盾",
                    since,
                    random,
                    now));
            int n = code.hashCode() & 0x7fffffff;
            if (n % 7 == 0) {
                // The worker's phone changed on a day: two versions of one member.
                LocalDate changed = since.plusDays(200 + random.nextInt(300));
                var before = member(
                        code, "FULL_TIME_WORKER", Employment.FULL_TIME, worker, WORKER_DUTIES, since, random, now);
                first.add(before.endedOn(changed, RECORDER, "更换手机号"));
                later.put(first.size() - 1, version2(before, changed, phone(random), "更换手机号", now));
            } else {
                first.add(member(
                        code, "FULL_TIME_WORKER", Employment.FULL_TIME, worker, WORKER_DUTIES, since, random, now));
            }
            int partTimers = 1 + random.nextInt(2);
            for (int i = 0; i < partTimers; i++) {
                first.add(member(
                        code,
                        "PART_TIME_WORKER",
                        Employment.PART_TIME,
                        null,
                        "协助巡查走访，收集社情民意",
                        since.plusDays(random.nextInt(200)),
                        random,
                        now));
            }
            if (n % 11 == 0) {
                var left = member(code, "PART_TIME_WORKER", Employment.PART_TIME, null, "协助巡查走访", since, random, now);
                first.add(left.endedOn(since.plusDays(300 + random.nextInt(200)), RECORDER, "工作调动"));
            }
            if (assistant != null || n % 3 == 0) {
                first.add(member(
                        code, "GRID_ASSISTANT", Employment.PART_TIME, assistant, "参与平安巡防和志愿服务", since, random, now));
            }
            switch (n % 4) {
                case 0 ->
                    first.add(member(
                            code, "BUILDING_HEAD", Employment.PART_TIME, null, "联系本楼栋住户，及时反映情况", since, random, now));
                case 1 ->
                    first.add(member(
                            code,
                            "HOUSEHOLD_REPRESENTATIVE",
                            Employment.PART_TIME,
                            null,
                            "联系周边十至十五户群众，传达政策、反映诉求",
                            since,
                            random,
                            now));
                case 2 -> {
                    if (n % 8 == 2) {
                        first.add(member(
                                code, "INFORMANT", Employment.PART_TIME, null, "收集报送矛盾纠纷和安全隐患线索", since, random, now));
                    }
                }
                default -> {}
            }
        }
        var ids = members.insertAll(first);
        var second = new ArrayList<RosterRow>();
        later.forEach((index, row) -> second.add(row.numbered(ids.get(index), row.version())));
        members.insertAll(second);
        return first.size() + second.size();
    }

    private static final String WORKER_DUTIES = "日常巡查、信息采集、事件上报与处置、走访服务群众";

    private static AccountRef account(List<AccountRef> accounts, Role role) {
        return accounts.stream()
                .filter(a -> a.roles().contains(role))
                .findFirst()
                .orElse(null);
    }

    private RosterRow member(
            String grid,
            String position,
            Employment employment,
            AccountRef account,
            String duties,
            LocalDate since,
            Random random,
            Instant now) {
        var phone = personalData.seal(PersonalDataKind.PHONE, phone(random));
        return RosterRow.first(
                grid,
                position,
                employment,
                account != null ? account.realName() : name(random),
                phone.ciphertext(),
                phone.lookupHash(),
                duties,
                account != null ? account.id() : null,
                since,
                null,
                null,
                now,
                null,
                RECORDER);
    }

    private RosterRow version2(RosterRow r, LocalDate from, String phone, String note, Instant now) {
        var sealed = personalData.seal(PersonalDataKind.PHONE, phone);
        return RosterRow.first(
                        r.gridCode(),
                        r.positionCode(),
                        r.employment(),
                        r.name(),
                        sealed.ciphertext(),
                        sealed.lookupHash(),
                        r.duties(),
                        r.userId(),
                        from,
                        null,
                        note,
                        now,
                        null,
                        RECORDER)
                .numbered(r.memberId(), r.version() + 1);
    }

    /** A county leader for every township, a township cadre for every village of the demo grids. */
    private int cadres(List<GridSummary> grids, String root, Random random, Instant now) {
        var villages =
                grids.stream().map(GridSummary::villageCode).distinct().sorted().toList();
        var townships = villages.stream().map(v -> v.substring(0, 9)).distinct().toList();
        var names = regions.names(java.util.stream.Stream.concat(townships.stream(), java.util.stream.Stream.of(root))
                .toList());
        String county = names.getOrDefault(root, "县");
        var rows = new ArrayList<AssignmentRow>();
        String[] countyRoles = {"县级联系领导", "包乡镇县领导"};
        for (var township : townships) {
            rows.add(cadre(
                    township,
                    CadreLevel.COUNTY,
                    name(random),
                    county + "人民政府",
                    countyRoles[random.nextInt(countyRoles.length)],
                    random,
                    now));
        }
        for (var village : villages) {
            String township = names.getOrDefault(village.substring(0, 9), "乡镇");
            rows.add(cadre(village, CadreLevel.TOWNSHIP, name(random), township + "人民政府", "包村干部", random, now));
        }
        assignments.insertAll(rows);
        return rows.size();
    }

    private static AssignmentRow cadre(
            String area, CadreLevel level, String name, String organization, String role, Random random, Instant now) {
        return AssignmentRow.made(
                area,
                level,
                null,
                name,
                organization,
                role,
                LocalDate.of(2024, 1, 1).plusDays(random.nextInt(365)),
                null,
                now,
                null,
                RECORDER);
    }

    private static String name(Random random) {
        return SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)];
    }

    private static String phone(Random random) {
        String[] prefixes = {"130", "133", "135", "137", "138", "139", "150", "152", "155", "158", "177", "187"};
        return prefixes[random.nextInt(prefixes.length)] + String.format("%08d", random.nextInt(100_000_000));
    }
}
