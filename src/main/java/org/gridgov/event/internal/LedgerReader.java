package org.gridgov.event.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.gridgov.common.Unscoped;
import org.gridgov.event.EventFact;
import org.gridgov.event.EventStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Folds each event's history, up to a cut-off, into the facts the assessment counts. A step is the run of rows under
 * one deadline: it ends at the first row with another deadline (the next step, an approved delay, the closing), and is
 * late when that row came after the deadline, or when it is still running past the deadline at the cut-off.
 */
@Component
@Unscoped("reads for EventLedger, whose callers bind the region they may read")
public class LedgerReader {

    private final LedgerRepository ledger;

    LedgerReader(LedgerRepository ledger) {
        this.ledger = ledger;
    }

    @Transactional(readOnly = true)
    public List<EventFact> reportedIn(String prefix, Instant from, Instant to, Instant cutoff) {
        var fold = new Fold(cutoff);
        ledger.reported(prefix, from, to, cutoff, fold::row, fold::card);
        return fold.facts();
    }

    @Transactional(readOnly = true)
    public List<EventFact> dispatchedIn(
            String prefix, java.util.Collection<String> receivers, Instant from, Instant to, Instant cutoff) {
        var fold = new Fold(cutoff);
        if (receivers.isEmpty()) {
            return fold.facts();
        }
        ledger.dispatched(prefix, receivers, from, to, cutoff, fold::row, fold::card);
        return fold.facts();
    }

    /** One event's history being folded; rows come ordered by event, then by row. */
    private static final class Fold {

        private final Instant cutoff;
        private final List<Progress> events = new ArrayList<>();
        private final Map<Long, Progress> byId = new HashMap<>();
        private Progress current;

        Fold(Instant cutoff) {
            this.cutoff = cutoff;
        }

        void row(LedgerRepository.Row row) {
            if (current == null || current.first.eventId() != row.eventId()) {
                current = new Progress(row);
                events.add(current);
                byId.put(row.eventId(), current);
            }
            current.apply(row);
        }

        void card(LedgerRepository.Card card) {
            var event = byId.get(card.eventId());
            if (event != null) {
                event.card(card);
            }
        }

        List<EventFact> facts() {
            return events.stream().map(e -> e.fact(cutoff)).toList();
        }
    }

    /** What is known of one event so far. */
    private static final class Progress {

        final LedgerRepository.Row first;
        EventStatus status;
        String holder;
        Instant deadline;
        boolean accepted;
        boolean resolved;
        boolean merged;
        boolean reworked;
        int lateSteps;
        int supervisions;
        int yellow;
        int red;
        Integer satisfaction;
        final List<Handling> handlings = new ArrayList<>();

        Progress(LedgerRepository.Row first) {
            this.first = first;
        }

        void apply(LedgerRepository.Row row) {
            if (!Objects.equals(row.deadlineAt(), deadline)) {
                if (deadline != null && row.at().isAfter(deadline)) {
                    late();
                }
                deadline = row.deadlineAt();
            }
            switch (row.move()) {
                case "ACCEPT" -> accepted = true;
                case "RESOLVE" -> resolved = true;
                case "MERGE" -> merged = true;
                case "SUPERVISE" -> supervisions++;
                case "RATE" -> satisfaction = row.satisfaction();
                case "REOPEN" -> satisfaction = null;
                case "DISPATCH" -> handlings.add(new Handling(row.toHolder(), row.at()));
                case "CLAIM" -> handling(row.fromHolder()).claimed = true;
                case "RETURN" -> handling(row.fromHolder()).returned = true;
                case "FEEDBACK" -> handling(row.fromHolder()).handled = true;
                case "VERIFY_FAIL" -> {
                    reworked = true;
                    handling(row.toHolder()).reworked = true;
                }
                default -> {}
            }
            status = EventStatus.valueOf(row.toStatus());
            if (row.toHolder() != null) {
                holder = row.toHolder();
            }
        }

        void card(LedgerRepository.Card card) {
            boolean isRed = "RED".equals(card.card());
            if (isRed) {
                red++;
            } else {
                yellow++;
            }
            var handling = lastHandlingOf(card.holder(), card.raisedAt());
            if (handling != null) {
                if (isRed) {
                    handling.red++;
                } else {
                    handling.yellow++;
                }
            }
        }

        private void late() {
            lateSteps++;
            var handling = lastHandlingOf(holder, null);
            if (handling != null) {
                handling.late++;
            }
        }

        /** The latest dispatch to an organization (before an instant, when given); a placeholder when there is none. */
        private Handling handling(String organization) {
            var found = lastHandlingOf(organization, null);
            return found != null ? found : new Handling(organization, null);
        }

        private Handling lastHandlingOf(String organization, Instant before) {
            for (int i = handlings.size() - 1; i >= 0; i--) {
                var h = handlings.get(i);
                if (h.organization.equals(organization) && (before == null || !h.dispatchedAt.isAfter(before))) {
                    return h;
                }
            }
            return null;
        }

        EventFact fact(Instant cutoff) {
            boolean running = status != null && status.isOpen() && status != EventStatus.SUSPENDED;
            if (running && deadline != null && cutoff.isAfter(deadline)) {
                late();
            }
            return new EventFact(
                    first.eventId(),
                    first.serialNumber(),
                    first.title(),
                    first.gridCode(),
                    first.reporterUserId(),
                    first.source(),
                    first.categoryCode(),
                    first.categoryName(),
                    first.reportedAt(),
                    status,
                    accepted,
                    resolved,
                    merged,
                    reworked,
                    lateSteps,
                    supervisions,
                    yellow,
                    red,
                    satisfaction,
                    handlings.stream().map(Handling::fact).toList());
        }
    }

    private static final class Handling {
        final String organization;
        final Instant dispatchedAt;
        boolean claimed;
        boolean returned;
        boolean handled;
        boolean reworked;
        int late;
        int yellow;
        int red;

        Handling(String organization, Instant dispatchedAt) {
            this.organization = organization;
            this.dispatchedAt = dispatchedAt;
        }

        EventFact.Handling fact() {
            return new EventFact.Handling(
                    organization, dispatchedAt, claimed, returned, handled, reworked, late, yellow, red);
        }
    }
}
