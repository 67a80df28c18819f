package org.gridgov.registry.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.gridgov.common.Unscoped;
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
 * Two registers of the demo county's own ("N" registers), as a county center would define them, with entries for the
 * demo people they concern: 退役军人 for those tagged so, 党员 for members of the Communist Party of China. Their
 * values follow from the person (service from eighteen, joining from twenty-two), so that every run makes the same.
 * Created once, after the residents.
 */
@Component
@Order(70)
@Unscoped("loads demo data at start-up, when there is no caller")
class DemoRegisters implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoRegisters.class);
    private static final String DEFINED_BY = "广水市网格化服务管理中心";

    /**
     * A demo register: its values are made from the person's birth year, never from the birth date, which an entry
     * must not let anyone work back to (docs/SECURITY.md, masking rule).
     */
    private record Demo(String code, String name, List<FieldDefinition> fields, String values, String rule) {}

    private static final List<Demo> DEMOS = List.of(
            new Demo(
                    "EX_SERVICEMAN",
                    "退役军人",
                    List.of(
                            new FieldDefinition("branch", "服役部队", "Service branch", "TEXT", null, true),
                            new FieldDefinition("enlistedOn", "入伍日期", "Enlisted on", "DATE", null, false),
                            new FieldDefinition("dischargedOn", "退役日期", "Discharged on", "DATE", null, true),
                            new FieldDefinition("preferential", "享受优抚", "Preferential care", "CODE", "YES_NO", false)),
                    """
                    jsonb_build_object(
                        'branch', (array['陆军', '海军', '空军', '武警部队'])[1 + r.id % 4],
                        'enlistedOn', to_char(make_date(cast(extract(year from r.birth_date) as int) + 18, 9,
                            1 + cast(r.id % 28 as int)), 'YYYY-MM-DD'),
                        'dischargedOn', to_char(make_date(cast(extract(year from r.birth_date) as int) + 23, 9,
                            1 + cast(r.id / 28 % 28 as int)), 'YYYY-MM-DD'),
                        'preferential', case when r.id % 5 = 0 then '1' else '0' end)""",
                    "'退役军人' = any(r.tags) and r.birth_date <= cast(:today as date) - interval '24 years'"),
            new Demo(
                    "PARTY_MEMBER",
                    "党员",
                    List.of(
                            new FieldDefinition("branch", "所在支部", "Party branch", "TEXT", null, true),
                            new FieldDefinition("joinedOn", "入党日期", "Joined on", "DATE", null, true)),
                    """
                    jsonb_build_object(
                        'branch', substr(r.grid_code, 1, 12) || ' 党支部',
                        'joinedOn', to_char(make_date(cast(extract(year from r.birth_date) as int) + 22
                            + cast(r.id % 8 as int), 1 + cast(r.id % 12 as int), 1 + cast(r.id % 28 as int)),
                            'YYYY-MM-DD'))""",
                    "r.political_status = '01' and r.birth_date <= cast(:today as date) - interval '30 years'"));

    private final RegisterRepository registers;
    private final ChangeLog changes;
    private final RegionApi regions;
    private final Clock clock;
    private final boolean enabled;

    DemoRegisters(
            RegisterRepository registers,
            ChangeLog changes,
            RegionApi regions,
            Clock clock,
            @Value("${gridgov.demo.enabled:false}") boolean demo,
            @Value("${gridgov.demo.registers:true}") boolean withRegisters) {
        this.registers = registers;
        this.changes = changes;
        this.regions = regions;
        this.clock = clock;
        this.enabled = demo && withRegisters;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!enabled || registers.countTypes(true) > 0) {
            return;
        }
        var now = clock.instant();
        int entries = 0;
        for (var demo : DEMOS) {
            long type = registers.insertType(demo.code(), demo.name(), demo.fields(), DEFINED_BY, now);
            changes.registeredAll(
                    RegisterDesk.TYPE_ENTITY,
                    List.of(new ChangeLog.Registered(type, regions.rootCode())),
                    null,
                    DEFINED_BY,
                    null,
                    now);
            var added = registers.enrollDemo(
                    type, demo.values(), demo.rule(), DEFINED_BY, LocalDate.ofInstant(now, GroupDesk.CHINA), now);
            changes.registeredAll(RegisterDesk.ENTRY_ENTITY, added, null, DEFINED_BY, null, now);
            entries += added.size();
        }
        log.info("Demo registers created: {} with {} entries", DEMOS.size(), entries);
    }
}
