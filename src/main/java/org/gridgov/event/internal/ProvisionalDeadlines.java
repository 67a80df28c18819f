package org.gridgov.event.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.gridgov.common.Unscoped;
import org.gridgov.event.internal.ProvisionalDeadlineRepository.Provisional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts provisional deadlines again: those counted into a year whose holidays were not entered. Run when a year is
 * entered and by the hourly calendar check, so that a node that stopped half-way leaves nothing behind. Each deadline
 * is counted from the start of its step with the step's time limit and the delays approved for that run of the step,
 * as it would have been with the calendar complete; the change is noted in the event's history
 * ({@code DEADLINE_RECOUNT}). Safe on several nodes: a row is written only at the version it was read at.
 */
@Unscoped("the working calendar is the deployment's: entering a year moves deadlines in every county")
@Component
class ProvisionalDeadlines {

    static final String DEADLINE_RECOUNT = "DEADLINE_RECOUNT";

    private static final Logger log = LoggerFactory.getLogger(ProvisionalDeadlines.class);
    private static final int BATCH = 200;
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ProvisionalDeadlineRepository repository;
    private final EventRepository events;
    private final EventCatalog catalog;
    private final WorkingCalendar calendar;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ProvisionalDeadlines(
            ProvisionalDeadlineRepository repository,
            EventRepository events,
            EventCatalog catalog,
            WorkingCalendar calendar,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.repository = repository;
        this.events = events;
        this.catalog = catalog;
        this.calendar = calendar;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** Counts again every provisional deadline the calendar can now count further; how many changed. */
    int recount() {
        int changed = 0;
        long after = 0;
        while (true) {
            var batch = repository.after(after, BATCH);
            if (batch.isEmpty()) {
                break;
            }
            for (var e : batch) {
                if (Boolean.TRUE.equals(transactions.execute(status -> recount(e)))) {
                    changed++;
                }
            }
            after = batch.getLast().id();
        }
        if (changed > 0) {
            log.info("Counted {} provisional deadlines again on the working calendar", changed);
        }
        return changed;
    }

    private boolean recount(Provisional e) {
        var limit = catalog.limit(e.categoryCode(), e.urgency(), null, e.step());
        var due = calendar.due(e.stepStartedAt(), limit.amount(), limit.unit());
        boolean provisional = due.provisional();
        var deadline = due.at();
        for (var extension : repository.extensions(e.id(), e.stepStartedAt())) {
            var extended = calendar.due(deadline, extension.amount(), extension.unit());
            deadline = extended.at();
            provisional |= extended.provisional();
        }
        if (provisional && deadline.equals(e.deadlineAt())) {
            return false;
        }
        if (!repository.recount(e, deadline, provisional)) {
            // Someone moved the event meanwhile; its new step has a deadline of its own.
            return false;
        }
        String note = "节假日安排已录入，时限按工作日历重新计算：" + local(e.deadlineAt()) + " → " + local(deadline)
                + (provisional ? "（仍为暂定）" : "");
        events.appendHistory(new EventRepository.HistoryEntry(
                e.id(),
                DEADLINE_RECOUNT,
                e.status(),
                e.status(),
                e.holderOrg(),
                e.holderOrg(),
                EventRepository.Actor.SYSTEM,
                note,
                deadline,
                clock.instant()));
        return true;
    }

    private String local(Instant instant) {
        return LocalDateTime.ofInstant(instant, calendar.zone()).format(MINUTE);
    }
}
