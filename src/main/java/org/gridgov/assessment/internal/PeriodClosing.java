package org.gridgov.assessment.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.gridgov.assessment.ClosedPeriod;
import org.gridgov.assessment.ClosedPeriods;
import org.gridgov.common.CurrentScope;
import org.gridgov.common.ProblemException;
import org.gridgov.identity.CurrentUsers;
import org.gridgov.region.RegionApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Closing a period: every subject of the county is counted once more and kept as it stands, and the period is marked
 * closed; from then on its figures are read from what was kept. A center closes a period that has ended; the
 * platform closes each month itself once its review days have passed, with the quarter and the year it ends. Two
 * nodes closing at once are safe: the period row is written first and only one writer gets it.
 */
@Component
public class PeriodClosing {

    private static final Logger log = LoggerFactory.getLogger(PeriodClosing.class);

    private final AssessmentDesk assessment;
    private final ResultRepository results;
    private final RegionApi regions;
    private final CurrentScope scope;
    private final CurrentUsers users;
    private final TransactionTemplate transactions;
    private final AssessmentSettings settings;
    private final Clock clock;

    PeriodClosing(
            AssessmentDesk assessment,
            ResultRepository results,
            RegionApi regions,
            CurrentScope scope,
            CurrentUsers users,
            TransactionTemplate transactions,
            AssessmentSettings settings,
            Clock clock) {
        this.assessment = assessment;
        this.results = results;
        this.regions = regions;
        this.scope = scope;
        this.users = users;
        this.transactions = transactions;
        this.settings = settings;
        this.clock = clock;
    }

    /** Whether the application has started, with everything its start loads. */
    private volatile boolean ready;

    private volatile boolean skipped;

    @EventListener(ApplicationReadyEvent.class)
    void started() {
        ready = true;
        if (skipped) {
            Thread.ofVirtual().name("assessment-close-scan").start(this::closeDue);
        }
    }

    /** Closes a period that has ended for the caller's county (or a county within the caller's scope). */
    public ClosedPeriod close(String periodKey, String county) {
        var period = Period.parse(periodKey, "period");
        String prefix = scope.regionPrefix();
        String target = county == null || county.isBlank() ? prefix : county;
        if (!target.matches("\\d{6}")
                || !target.startsWith(prefix) && !prefix.startsWith(target)
                || prefix.length() > 6) {
            throw ProblemException.invalid(
                    "county", "scope", "须指定您管辖范围内的一个县（6 位代码）", "county must be a 6-digit county in your scope");
        }
        requireEnded(period);
        var user = users.require();
        return close(target, period, user.id(), user.realName())
                .orElseThrow(() -> ProblemException.conflict("该考核期已关账", "This period is closed already"));
    }

    /**
     * Closes an ended period for every county of the caller's area not closed yet, counties side by side as the
     * closing scan does: a city or province center closes a month at once rather than county by county.
     */
    public ClosedPeriods closeAll(String periodKey) {
        var period = Period.parse(periodKey, "period");
        requireEnded(period);
        var user = users.require();
        var counties = assessment.countiesUnder(scope.regionPrefix());
        var tally = closeAll(counties, List.of(period), user.id(), user.realName());
        return new ClosedPeriods(
                period.key(),
                counties.size(),
                tally.closed().get(),
                tally.closedBefore().get(),
                tally.failed().get(),
                tally.subjects().get(),
                clock.instant());
    }

    private void requireEnded(Period period) {
        if (clock.instant().isBefore(period.to())) {
            throw ProblemException.unprocessable("考核期尚未结束，不能关账", "The period has not ended yet", List.of());
        }
    }

    private java.util.Optional<ClosedPeriod> close(String county, Period period, Long by, String name) {
        return transactions.execute(status -> {
            Instant now = clock.instant();
            if (!results.close(county, period.key(), by, name, now)) {
                return java.util.Optional.<ClosedPeriod>empty();
            }
            int kept = 0;
            for (var group : assessment.countedAll(county, period, now).values()) {
                results.saveAll(county, period.key(), group);
                kept += group.size();
            }
            return java.util.Optional.of(new ClosedPeriod(county, period.key(), now, name, kept));
        });
    }

    /**
     * Closes each county's months whose review days are over, with the quarters and years they end: the last three
     * months, so that a platform that was down over a month's end still closes it.
     */
    @Scheduled(
            fixedDelayString = "${gridgov.assessment.close-scan:PT1H}",
            initialDelayString = "${gridgov.assessment.close-scan-delay:PT2M}")
    public void closeDue() {
        if (!ready) {
            // Data loaded at start (a first import, the demo's events) would otherwise be missing from, and later
            // added to, periods frozen without it. The scan runs once the start is over.
            skipped = true;
            return;
        }
        Instant now = clock.instant();
        var due = new ArrayList<Period>();
        var current = YearMonth.from(now.atZone(Period.CHINA));
        for (int back = 3; back >= 1; back--) {
            var month = current.minusMonths(back);
            var period = Period.month(month);
            if (now.isBefore(period.to().plus(Duration.ofDays(settings.reviewDays())))) {
                continue;
            }
            due.add(period);
            if (month.getMonthValue() % 3 == 0) {
                due.add(Period.parse(month.getYear() + "-Q" + month.getMonthValue() / 3, "period"));
            }
            if (month.getMonthValue() == 12) {
                due.add(Period.parse(String.valueOf(month.getYear()), "period"));
            }
        }
        closeAll(assessment.countiesUnder(regions.rootCode()), due, null, "系统");
    }

    /** What a closing of many counties did, counted as the counties finish side by side. */
    record Tally(AtomicInteger closed, AtomicInteger closedBefore, AtomicInteger failed, AtomicInteger subjects) {
        Tally() {
            this(new AtomicInteger(), new AtomicInteger(), new AtomicInteger(), new AtomicInteger());
        }
    }

    /**
     * Closes the periods of each county not closed yet, counties side by side up to the configured parallelism and
     * each county's periods in order. A county that fails is logged and left for the next scan; the others go on.
     */
    Tally closeAll(List<String> counties, List<Period> due, Long by, String name) {
        var tally = new Tally();
        var slots = new Semaphore(settings.parallelism());
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (String county : counties) {
                executor.submit(() -> {
                    slots.acquireUninterruptibly();
                    try {
                        for (var period : due) {
                            if (results.closing(county, period.key()).isPresent()) {
                                tally.closedBefore().incrementAndGet();
                                continue;
                            }
                            long started = System.nanoTime();
                            var closed = close(county, period, by, name);
                            if (closed.isEmpty()) {
                                tally.closedBefore().incrementAndGet();
                                continue;
                            }
                            tally.closed().incrementAndGet();
                            tally.subjects().addAndGet(closed.get().subjects());
                            log.info(
                                    "Closed assessment period {} of county {} in {} ms: {} results kept",
                                    period.key(),
                                    county,
                                    (System.nanoTime() - started) / 1_000_000,
                                    closed.get().subjects());
                        }
                    } catch (RuntimeException e) {
                        tally.failed().incrementAndGet();
                        log.error("Closing the assessment of county {} failed; the next scan tries again", county, e);
                    } finally {
                        slots.release();
                    }
                });
            }
        }
        return tally;
    }
}
