package org.gridgov.registry.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.gridgov.common.DataScope;
import org.gridgov.common.PageQuery;
import org.gridgov.common.Unscoped;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo people in special groups and service recipient groups, with follow-ups: in the grid worker's two grids one of
 * each group, some due soon, some overdue, so that 我的走访 has something to show; across the rest of the county
 * people picked by a rule per group (the elderly, left-behind children, one in a hundred or so for the others), about
 * one in eight overdue, so that the ledgers and the figures show a county. Created once, after the residents.
 */
@Component
@Order(60)
@Unscoped("loads demo data at start-up, when there is no caller")
class DemoGroups implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoGroups.class);

    /** The demo grid worker's grids (站前社区, 杨寨镇). */
    private static final List<String> GRIDS = List.of("421381101001101", "421381101001102");

    /** Group, attention level, fields, days since registration, days since the last follow-up (-1: none yet). */
    private record Plan(String group, String level, Map<String, String> details, int registeredAgo, int followedAgo) {}

    private static final List<Plan> PLANS = List.of(
            new Plan("RELEASED_PRISONER", "MEDIUM", Map.of("originalCharge", "盗窃罪", "releasedOn", "-200"), 120, 40),
            new Plan("COMMUNITY_CORRECTION", "HIGH", Map.of("correctionType", "02", "correctionFrom", "-90"), 90, 3),
            new Plan("SEVERE_MENTAL_DISORDER", "HIGH", Map.of("dangerLevel", "3", "diagnosis", "01"), 60, -1),
            new Plan("DRUG_USER", "MEDIUM", Map.of("control", "03"), 100, 5),
            new Plan("KEY_YOUTH", "LOW", Map.of("youthType", "01"), 45, 20),
            new Plan("EMPTY_NEST_ELDERLY", "LOW", Map.of("livingAlone", "1", "health", "02"), 200, 35),
            new Plan("DISABLED", "LOW", Map.of("disabilityType", "4", "disabilityGrade", "2"), 300, 30),
            new Plan("LOW_INCOME", "MEDIUM", Map.of("allowanceType", "RURAL", "since", "-400"), 400, 20),
            new Plan("LEFT_BEHIND_CHILD", "LOW", Map.of("parentsWorkplace", "广东省东莞市"), 60, 10),
            new Plan("HARDSHIP", "MEDIUM", Map.of("hardshipType", "01", "needs", "医药费负担重"), 150, 95));

    /**
     * Who joins each group across the rest of the county: a condition on the resident row r, in SQL, comparing ages
     * with :today. Rare groups take one person in several hundred, by id, so that every run picks the same people.
     */
    private static final Map<String, String> ACROSS_COUNTY = Map.of(
            "RELEASED_PRISONER", "r.birth_date <= cast(:today as date) - interval '25 years' and r.id % 401 = 3",
            "COMMUNITY_CORRECTION", "r.birth_date <= cast(:today as date) - interval '20 years' and r.id % 809 = 4",
            "SEVERE_MENTAL_DISORDER", "r.birth_date <= cast(:today as date) - interval '18 years' and r.id % 701 = 5",
            "DRUG_USER", "r.birth_date <= cast(:today as date) - interval '18 years' and r.id % 907 = 7",
            "KEY_YOUTH",
                    "r.birth_date between cast(:today as date) - interval '25 years'"
                            + " and cast(:today as date) - interval '14 years' and r.id % 601 = 6",
            "EMPTY_NEST_ELDERLY", "r.birth_date <= cast(:today as date) - interval '75 years' and r.id % 3 = 0",
            "DISABLED", "r.id % 97 = 0",
            "LOW_INCOME", "r.id % 61 = 1",
            "LEFT_BEHIND_CHILD", "r.kind = 'LEFT_BEHIND' and r.birth_date > cast(:today as date) - interval '16 years'",
            "HARDSHIP", "r.id % 89 = 2");

    private final MemberRepository members;
    private final ResidentRepository residents;
    private final GroupCatalog catalog;
    private final Clock clock;
    private final boolean enabled;

    DemoGroups(
            MemberRepository members,
            ResidentRepository residents,
            GroupCatalog catalog,
            Clock clock,
            @Value("${gridgov.demo.enabled:false}") boolean enabled) {
        this.members = members;
        this.residents = residents;
        this.catalog = catalog;
        this.clock = clock;
        this.enabled = enabled;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!enabled || members.anyMember()) {
            return;
        }
        var now = clock.instant();
        var today = LocalDate.ofInstant(now, GroupDesk.CHINA);
        int added = 0;
        for (String grid : GRIDS) {
            var people = residents.search(
                    new ResidentRepository.Filter(
                            DataScope.region(grid), null, null, null, null, null, null, null, null, null, false),
                    PageQuery.of(0, PLANS.size()));
            for (int i = 0; i < people.size(); i++) {
                var plan = PLANS.get(i);
                var details = details(plan, today);
                long member = members.insert(
                        people.get(i).id(),
                        plan.group(),
                        details,
                        Map.of(),
                        plan.level(),
                        catalog.find(plan.group()).orElseThrow().defaultFrequencyDays(),
                        today.minusDays(plan.registeredAgo()),
                        now);
                if (plan.followedAgo() >= 0) {
                    members.addFollowUp(
                            member,
                            today.minusDays(plan.followedAgo()),
                            plan.group().equals("LOW_INCOME") || plan.group().equals("HARDSHIP") ? "HELP" : "VISIT",
                            "入户走访，了解近况，情况稳定。",
                            null,
                            "网格员",
                            now,
                            null);
                }
                added++;
            }
        }
        for (var plan : PLANS) {
            added += members.enrollDemo(
                    plan.group(),
                    ACROSS_COUNTY.get(plan.group()),
                    details(plan, today),
                    plan.level(),
                    catalog.find(plan.group()).orElseThrow().defaultFrequencyDays(),
                    GRIDS,
                    today,
                    now);
        }
        log.info("Demo group members created: {}", added);
    }

    /** The plan's fields; a value "-n" stands for the day n days ago, so that the demo's dates move with its start. */
    private static Map<String, String> details(Plan plan, LocalDate today) {
        var details = new java.util.LinkedHashMap<String, String>();
        plan.details()
                .forEach((k, v) -> details.put(
                        k,
                        v.startsWith("-")
                                ? today.minusDays(Long.parseLong(v.substring(1)))
                                        .toString()
                                : v));
        return details;
    }
}
