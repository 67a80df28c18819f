package org.gridgov.identity.internal;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.gridgov.common.PersonalData;
import org.gridgov.common.PersonalDataKind;
import org.gridgov.common.Unscoped;
import org.gridgov.identity.Role;
import org.gridgov.identity.ScopeKind;
import org.gridgov.region.RegionApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo organizations and one account per role, all with the password {@value #PASSWORD} (listed in the README),
 * created once when the demo data is on and there are no accounts yet.
 */
@Unscoped("creates the demo accounts at start-up, when there is no caller")
@Component
@Order(20)
class DemoUsers implements ApplicationRunner {

    static final String PASSWORD = "GridGov@2026";
    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

    private final UserRepository users;
    private final OrganizationRepository organizations;
    private final PasswordPolicy passwords;
    private final PersonalData personalData;
    private final RegionApi regions;
    private final Clock clock;
    private final boolean enabled;
    private final boolean staff;

    DemoUsers(
            UserRepository users,
            OrganizationRepository organizations,
            PasswordPolicy passwords,
            PersonalData personalData,
            RegionApi regions,
            Clock clock,
            @Value("${gridgov.demo.enabled:false}") boolean enabled,
            @Value("${gridgov.demo.staff:false}") boolean staff) {
        this.users = users;
        this.organizations = organizations;
        this.passwords = passwords;
        this.personalData = personalData;
        this.regions = regions;
        this.clock = clock;
        this.enabled = enabled;
        this.staff = staff;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!enabled || users.countAll() > 0) {
            return;
        }
        long county = organizations.insert("421381-center", "广水市网格化服务管理中心", "CENTER", "421381", null);
        long township = organizations.insert("421381101-center", "杨寨镇综治中心", "CENTER", "421381101", county);
        long otherTownship = organizations.insert("421381001-center", "应山街道综治中心", "CENTER", "421381001", county);
        long department = organizations.insert("421381-cgj", "广水市城市管理执法局", "DEPARTMENT", "421381", county);
        String hash = passwords.hash(PASSWORD);
        var grids = List.of("421381101001101", "421381101001102").stream()
                .filter(code -> regions.currentGrid(code).isPresent())
                .toList();
        String village = "421381101001";
        user("admin", "系统管理员", county, ScopeKind.REGION, "421381", Role.SYSTEM_ADMIN, hash, List.of());
        user("secadmin", "安全管理员", county, ScopeKind.REGION, "421381", Role.SECURITY_ADMIN, hash, List.of());
        user("auditor", "审计管理员", county, ScopeKind.REGION, "421381", Role.AUDIT_ADMIN, hash, List.of());
        user("county.operator", "县中心坐席员", county, ScopeKind.REGION, "421381", Role.CENTER_OPERATOR, hash, List.of());
        user("county.leader", "县中心领导", county, ScopeKind.REGION, "421381", Role.CENTER_LEADER, hash, List.of());
        user("yz.operator", "杨寨镇坐席员", township, ScopeKind.REGION, "421381101", Role.CENTER_OPERATOR, hash, List.of());
        user(
                "ys.operator",
                "应山街道坐席员",
                otherTownship,
                ScopeKind.REGION,
                "421381001",
                Role.CENTER_OPERATOR,
                hash,
                List.of());
        user("grid.leader", "网格长", township, ScopeKind.REGION, village, Role.GRID_LEADER, hash, List.of());
        user("grid.worker", "网格员", township, ScopeKind.GRIDS, village, Role.GRID_WORKER, hash, grids);
        user("grid.assistant", "网格辅助员", township, ScopeKind.GRIDS, village, Role.GRID_ASSISTANT, hash, grids);
        user(
                "dept.handler",
                "城管局经办人",
                department,
                ScopeKind.REGION,
                "421381",
                Role.DEPARTMENT_HANDLER,
                hash,
                List.of());
        user("dept.leader", "城管局领导", department, ScopeKind.REGION, "421381", Role.DEPARTMENT_LEADER, hash, List.of());
        user("resident", "群众", null, ScopeKind.SELF, "421381", Role.RESIDENT, hash, List.of());
        if (staff) {
            staff(county, township, hash, grids);
        }
        log.info("Demo accounts created; password for all: see README");
    }

    /**
     * A county's worth of people to assess: five more departments, and a grid worker in every other grid of 杨寨镇, each
     * with a made-up name, signing in as {@code gw.<grid code>}.
     */
    private void staff(long county, long township, String hash, List<String> taken) {
        String[][] departments = {
            {"421381-zjj", "广水市住房和城乡建设局"},
            {"421381-sthj", "随州市生态环境局广水分局"},
            {"421381-slj", "广水市水利和湖泊局"},
            {"421381-scjg", "广水市市场监督管理局"},
            {"421381-jtj", "广水市交通运输局"}
        };
        for (var d : departments) {
            organizations.insert(d[0], d[1], "DEPARTMENT", "421381", county);
        }
        int n = 0;
        for (int page = 0; ; page++) {
            var grids = regions.gridsUnder("421381101", page, 500);
            for (var grid : grids) {
                if (!taken.contains(grid.code())) {
                    user(
                            "gw." + grid.code(),
                            DEMO_SURNAMES[n % DEMO_SURNAMES.length] + DEMO_GIVEN[(n * 7 + 3) % DEMO_GIVEN.length],
                            township,
                            ScopeKind.GRIDS,
                            grid.villageCode(),
                            Role.GRID_WORKER,
                            hash,
                            List.of(grid.code()));
                    n++;
                }
            }
            if (grids.size() < 500) {
                break;
            }
        }
    }

    private static final String[] DEMO_SURNAMES = {
        "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗"
    };
    private static final String[] DEMO_GIVEN = {
        "建华", "秀英", "志强", "丽娟", "海燕", "国庆", "春梅", "德明", "小红", "卫东", "桂兰", "文军", "玉珍", "红霞", "永刚", "淑芬", "宏伟", "晓燕",
        "长江", "明辉", "翠花", "振国", "美玲"
    };

    private void user(
            String username,
            String realName,
            Long organization,
            ScopeKind scopeKind,
            String scopeCode,
            Role role,
            String hash,
            List<String> grids) {
        // A made-up mobile number per account, to show masking.
        var phone = personalData.seal(PersonalDataKind.PHONE, "1380000" + String.format("%04d", users.countAll() + 1));
        users.insert(
                new NewUser(
                        username,
                        realName,
                        phone.ciphertext(),
                        phone.lookupHash(),
                        organization,
                        scopeKind,
                        scopeCode,
                        hash,
                        clock.instant(),
                        Set.of(role),
                        grids),
                clock.instant());
    }
}
