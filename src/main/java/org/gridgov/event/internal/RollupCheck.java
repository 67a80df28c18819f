package org.gridgov.event.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.gridgov.common.Unscoped;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reconciles the dashboard rollups with the event tables: counts a period's figures afresh from the events and their
 * history, reports the rollup rows that differ and, when asked, repairs them. Runs every night over the day before
 * (and that day's month) for every county, repairing and logging what drifted; fills the rollups of a deployment
 * whose events predate them on the first start.
 */
@Component
@Unscoped("checks the rollups of the whole deployment, with no caller; the figures facade binds the caller's scope")
class RollupCheck {

    private static final Logger log = LoggerFactory.getLogger(RollupCheck.class);

    /** How many differing rows of each table a report lists; the counts cover all of them. */
    static final int REPORTED_ROWS = 50;

    private final RollupRepository rollups;
    private final Clock clock;
    private final ZoneId zone;
    private final TransactionTemplate transactions;

    RollupCheck(
            RollupRepository rollups,
            WorkingCalendar calendar,
            Clock clock,
            PlatformTransactionManager transactionManager) {
        this.rollups = rollups;
        this.zone = calendar.zone();
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** What a check found: how many rollup rows differed, the first of them, and whether they were repaired. */
    record Report(
            String county,
            LocalDate from,
            LocalDate to,
            long statusRows,
            long closingRows,
            java.util.List<RollupRepository.Drift> drifts,
            boolean repaired) {

        boolean clean() {
            return statusRows == 0 && closingRows == 0;
        }
    }

    /**
     * Checks the day rows of {@code [from, to)} and the month rows of the months those days lie in, of one county or
     * (null) of every county; with {@code repair}, adds the differences to the rollups in the same transaction.
     * Checks that repair wait for each other, on any number of nodes, so that no difference is added twice.
     */
    public Report check(String county, LocalDate from, LocalDate to, boolean repair) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("an empty period: " + from + " to " + to);
        }
        return transactions.execute(status -> {
            if (repair) {
                rollups.lockChecks();
            }
            return inTransaction(county, from, to, repair);
        });
    }

    private Report inTransaction(String county, LocalDate from, LocalDate to, boolean repair) {
        var monthFrom = from.withDayOfMonth(1);
        var monthTo = to.minusDays(1).withDayOfMonth(1).plusMonths(1);
        var result = rollups.check(
                new RollupRepository.CheckedPeriod(
                        county,
                        monthFrom,
                        monthTo,
                        from,
                        to,
                        monthFrom.atStartOfDay(zone).toInstant(),
                        monthTo.atStartOfDay(zone).toInstant(),
                        zone.getId()),
                repair,
                REPORTED_ROWS);
        return new Report(county, from, to, result.statusRows(), result.closingRows(), result.drifts(), repair);
    }

    /** Every night: yesterday and its month, every county, repaired; drift is logged, as it means a missed writer. */
    @Scheduled(
            cron = "${gridgov.event.rollup-check:0 30 2 * * *}",
            zone = "${gridgov.event.calendar.zone:Asia/Shanghai}")
    public void nightly() {
        var today = LocalDate.ofInstant(clock.instant(), zone);
        var report = check(null, today.minusDays(1), today, true);
        if (!report.clean()) {
            log.warn(
                    "Event rollups drifted and were repaired: {} status rows, {} closing rows; first: {}",
                    report.statusRows(),
                    report.closingRows(),
                    report.drifts().stream().limit(5).toList());
        }
    }

    /** Fills the rollups once, from every event there is, when they are empty and events are not (an upgrade). */
    @EventListener(ApplicationReadyEvent.class)
    public void fillOnFirstStart() {
        if (rollups.anyRollup()) {
            return;
        }
        rollups.firstReport().ifPresent(first -> {
            var from = LocalDate.ofInstant(first, zone);
            var to = LocalDate.ofInstant(clock.instant(), zone).plusDays(2);
            var report = check(null, from, to, true);
            log.info(
                    "Event rollups filled from the events of {} to {}: {} status rows, {} closing rows",
                    from,
                    to,
                    report.statusRows(),
                    report.closingRows());
        });
    }
}
