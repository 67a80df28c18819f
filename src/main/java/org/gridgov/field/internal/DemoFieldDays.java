package org.gridgov.field.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Random;
import org.gridgov.common.Unscoped;
import org.gridgov.field.SignKind;
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
 * Last month and this one up to yesterday (so that today is still to be signed; last month's matrix is whole) of the demo county's grid workers: a
 * sign-in most working mornings near their grid's middle, now and then from outside it, a sign-out most evenings, a
 * missed day here and there, a Saturday on duty now and then, and a diary entry on most days on duty. Deterministic;
 * created once, as two batches.
 */
@Component
@Order(90)
@Unscoped("loads the demo field days at start-up, when there is no caller")
class DemoFieldDays implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoFieldDays.class);

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** What a worker saw and did: pairs the diary picks from. */
    private static final String[][] NOTES = {
        {"走访独居老人王大爷，身体尚好，反映冬季取暖费用偏高。", "向社区转达取暖补贴政策，约定下周再访。"},
        {"3 号楼楼道堆放杂物，影响通行。", "联系楼栋长通知住户当日清理，已清理完毕。"},
        {"巡查沿街商铺，发现一处灭火器过期。", "提醒店主更换，拍照留存，明日复查。"},
        {"小区东门路灯不亮，居民夜间出行不便。", "上报事件，已转城管部门处理。"},
        {"调解邻里因噪音引发的纠纷。", "双方达成谅解，约定晚十点后不再装修。"},
        {"入户登记新迁入住户两户。", "完成人口信息采集并核对户籍。"},
        {"网格内无异常情况，群众情绪稳定。", "宣传防诈骗知识，发放宣传单 30 份。"},
        {"排查出租屋 5 处，1 处未登记租客。", "督促房东补办登记。"},
        {"走访低保户李大娘，反映药费负担重。", "协助申请临时救助，材料已交村委。"},
        {"河边护栏松动，存在安全隐患。", "设置警示标志并上报事件。"},
    };

    private static final String[] DEVICES = {"华为 Mate 60", "小米 14", "OPPO Reno 11", "vivo X100", "荣耀 90"};

    private final SignRepository signs;
    private final DiaryRepository diary;
    private final StaffDirectory staff;
    private final RegionApi regions;
    private final FieldDays days;
    private final boolean enabled;

    DemoFieldDays(
            SignRepository signs,
            DiaryRepository diary,
            StaffDirectory staff,
            RegionApi regions,
            FieldDays days,
            @Value("${gridgov.demo.enabled:false}") boolean enabled) {
        this.signs = signs;
        this.diary = diary;
        this.staff = staff;
        this.regions = regions;
        this.days = days;
        this.enabled = enabled;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!enabled || signs.any()) {
            return;
        }
        long started = System.nanoTime();
        var random = new Random(20261204L);
        LocalDate today = days.today();
        var signRows = new ArrayList<SignRepository.NewSign>();
        var entries = new ArrayList<DiaryRepository.DiaryRow>();
        var workers = staff.gridWorkersUnder(regions.rootCode());
        for (var worker : workers) {
            if (worker.gridCodes().isEmpty()) {
                continue;
            }
            String grid = worker.gridCodes().getFirst();
            var summary = regions.currentGrid(grid);
            if (summary.isEmpty()) {
                continue;
            }
            double[] middle = summary.get().labelPoint();
            String county = FieldScope.countyOf(grid);
            String device = DEVICES[random.nextInt(DEVICES.length)];
            // Some workers keep their days better than others.
            double diligence = 0.82 + random.nextDouble() * 0.16;
            for (var day = today.withDayOfMonth(1).minusMonths(1); day.isBefore(today); day = day.plusDays(1)) {
                boolean working = days.isWorkingDay(day);
                boolean onDuty = working ? random.nextDouble() < diligence : random.nextDouble() < 0.08;
                if (!onDuty) {
                    continue;
                }
                boolean away = random.nextDouble() < 0.06;
                var in = point(middle, away, random);
                var morning = day.atTime(LocalTime.of(7, 50).plusMinutes(random.nextInt(50)))
                        .atZone(ZONE)
                        .toInstant();
                signRows.add(sign(county, worker.id(), worker.realName(), SignKind.IN, morning, day, in, device, grid));
                if (random.nextDouble() < 0.93) {
                    var evening = day.atTime(LocalTime.of(17, 20).plusMinutes(random.nextInt(70)))
                            .atZone(ZONE)
                            .toInstant();
                    var out = point(middle, false, random);
                    signRows.add(sign(
                            county, worker.id(), worker.realName(), SignKind.OUT, evening, day, out, device, grid));
                }
                if (random.nextDouble() < 0.75) {
                    var note = NOTES[random.nextInt(NOTES.length)];
                    var written = day.atTime(LocalTime.of(16, 0).plusMinutes(random.nextInt(120)))
                            .atZone(ZONE)
                            .toInstant();
                    var place = point(middle, false, random);
                    entries.add(new DiaryRepository.DiaryRow(
                            county,
                            0,
                            worker.id(),
                            worker.realName(),
                            grid,
                            day,
                            note[0],
                            note[1],
                            place[0],
                            place[1],
                            "demo-diary-" + worker.id() + "-" + day,
                            1,
                            written,
                            written));
                }
            }
        }
        signs.insertAll(signRows);
        diary.insertAll(entries);
        log.info(
                "Demo field days created: {} sign-ins and sign-outs, {} diary entries of {} workers ({} ms)",
                signRows.size(),
                entries.size(),
                workers.size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    /** A point a few dozen metres from the grid's middle, or some kilometres away. */
    private static double[] point(double[] middle, boolean away, Random random) {
        double spread = 0.0003;
        double lon = middle[0] + (random.nextDouble() - 0.5) * spread + (away ? 0.03 : 0);
        double lat = middle[1] + (random.nextDouble() - 0.5) * spread + (away ? 0.02 : 0);
        return new double[] {lon, lat};
    }

    private SignRepository.NewSign sign(
            String county,
            long user,
            String name,
            SignKind kind,
            java.time.Instant at,
            LocalDate day,
            double[] point,
            String device,
            String grid) {
        var located = regions.gridCodeAt(point[0], point[1]);
        boolean inside = located.filter(code -> code.startsWith(grid)).isPresent();
        return new SignRepository.NewSign(
                county,
                user,
                name,
                kind,
                at,
                at,
                day,
                point[0],
                point[1],
                15.0 + (int) (point[0] * 1e6) % 30,
                device,
                grid,
                located.orElse(null),
                inside,
                "demo-" + kind.name().toLowerCase() + "-" + user + "-" + day);
    }
}
