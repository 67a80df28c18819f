package org.gridgov.assessment.internal;

import org.gridgov.assessment.Indicator;
import org.gridgov.event.EventStatus;

/**
 * Which items each indicator counts: those in its base (the denominator of a share, the items a count looks at) and
 * how much each adds to the numerator. The formulas are written on {@link Indicator}; figures and the lists of events
 * behind them both come from here, so a number and its list always agree.
 */
final class Counting {

    private Counting() {}

    static boolean inBase(Indicator indicator, Item item) {
        if (!indicator.countsEvents()) {
            return false;
        }
        var e = item.event();
        var h = item.handling();
        return switch (indicator) {
            case ON_THE_SPOT -> !e.rejected() && !e.merged();
            case CLOSE_RATE, ON_TIME_CLOSE -> item.isDispatch() ? !h.returned() : due(item);
            case ON_TIME_HANDLE -> !h.returned();
            case REWORK -> item.isDispatch() ? h.handled() : due(item);
            case SATISFACTION -> e.satisfaction() != null && (!item.isDispatch() || !h.returned());
            default -> true;
        };
    }

    /** What an item in the base adds to the numerator: 1 or 0, or a number of cards. */
    static int counted(Indicator indicator, Item item) {
        var e = item.event();
        var h = item.handling();
        boolean yes = switch (indicator) {
            case REPORTS -> true;
            case VALID_REPORTS -> !e.rejected();
            case ON_THE_SPOT -> e.resolvedOnTheSpot();
            case CASES -> e.accepted();
            case CLOSE_RATE -> e.closed();
            case ON_TIME_CLOSE -> e.closed() && e.lateSteps() == 0;
            case ON_TIME_HANDLE -> h.handled() && h.lateSteps() == 0;
            case REWORK -> item.isDispatch() ? h.reworked() : e.reworked();
            case RETURNS -> h.returned();
            case OVERDUE -> item.isDispatch() ? h.lateSteps() > 0 : e.lateSteps() > 0;
            case SUPERVISED -> e.supervisions() > 0;
            case SATISFACTION -> e.satisfaction() >= 4;
            case YELLOW_CARDS, RED_CARDS, REGISTRY_COMPLETE, REGISTRY_VERIFIED, FOLLOW_UPS_ON_TIME -> false;
        };
        return switch (indicator) {
            case YELLOW_CARDS -> item.isDispatch() ? h.yellowCards() : e.yellowCards();
            case RED_CARDS -> item.isDispatch() ? h.redCards() : e.redCards();
            default -> yes ? 1 : 0;
        };
    }

    /**
     * 应结案: a case, or a report resolved on the spot, not suspended (挂账), not a rejected report or a merged duplicate.
     */
    private static boolean due(Item item) {
        var e = item.event();
        return (e.accepted() || e.resolvedOnTheSpot())
                && e.status() != EventStatus.SUSPENDED
                && !e.rejected()
                && !e.merged();
    }
}
