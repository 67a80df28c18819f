package org.gridgov.registry.internal;

import java.time.Clock;
import java.time.LocalDate;
import org.gridgov.common.Unscoped;
import org.gridgov.identity.StaffDirectory;
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
 * The demo county's visits: every household, rental house and place of a grid with a grid worker visited by that
 * worker at its schedule's interval since the start of last month, about one in eight now overdue; the demo groups'
 * follow-ups kept as visits too. Deterministic; created once, after the records and groups.
 */
@Component
@Order(75)
@Unscoped("loads the demo visits at start-up, when there is no caller")
class DemoVisits implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoVisits.class);

    private static final String[] HOUSEHOLD_NOTES = {
        "入户走访，家庭成员情况无变化，生活正常。",
        "了解家中老人身体状况，宣传医保缴费政策。",
        "住户反映楼道照明不足，已记录待处理。",
        "核对家庭人口信息，新增一名新生儿待登记。",
        "宣传防范电信诈骗知识，发放宣传资料。"
    };
    private static final String[] HOUSE_NOTES = {"核查出租房屋，租客信息与登记一致。", "新入住租客两人，已督促房东补登记。", "检查出租屋用电安全，未发现私拉乱接。"};
    private static final String[] PLACE_NOTES = {
        "检查消防设施，灭火器在有效期内，通道畅通。", "提醒经营者落实安全生产责任，张贴安全告知书。", "发现一处灭火器压力不足，已要求三日内更换。", "场所经营正常，无安全隐患。"
    };

    private final VisitRepository visits;
    private final StaffDirectory staff;
    private final RegionApi regions;
    private final Clock clock;
    private final boolean enabled;

    DemoVisits(
            VisitRepository visits,
            StaffDirectory staff,
            RegionApi regions,
            Clock clock,
            @Value("${gridgov.demo.enabled:false}") boolean enabled) {
        this.visits = visits;
        this.staff = staff;
        this.regions = regions;
        this.clock = clock;
        this.enabled = enabled;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!enabled || visits.anyDemo()) {
            return;
        }
        long started = System.nanoTime();
        LocalDate today = LocalDate.ofInstant(clock.instant(), GroupDesk.CHINA);
        LocalDate since = today.withDayOfMonth(1).minusMonths(1);
        int made = visits.keepFollowUps(null, clock.instant());
        var schedules = visits.schedules();
        for (var worker : staff.gridWorkersUnder(regions.rootCode())) {
            for (String grid : worker.gridCodes()) {
                for (var schedule : schedules) {
                    if (!schedule.active() || schedule.subjectKind() == VisitSubject.PERSON) {
                        continue;
                    }
                    String[] notes = switch (schedule.subjectKind()) {
                        case HOUSE -> HOUSE_NOTES;
                        case PLACE -> PLACE_NOTES;
                        default -> HOUSEHOLD_NOTES;
                    };
                    made += visits.insertDemo(schedule, grid, worker.id(), worker.realName(), today, since, notes);
                }
            }
        }
        log.info("Demo visits: {} in {} ms", made, (System.nanoTime() - started) / 1_000_000);
    }
}
