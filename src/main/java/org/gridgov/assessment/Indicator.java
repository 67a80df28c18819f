package org.gridgov.assessment;

import static org.gridgov.assessment.SubjectType.COUNTY;
import static org.gridgov.assessment.SubjectType.DEPARTMENT;
import static org.gridgov.assessment.SubjectType.GRID;
import static org.gridgov.assessment.SubjectType.TOWNSHIP;
import static org.gridgov.assessment.SubjectType.VILLAGE;
import static org.gridgov.assessment.SubjectType.WORKER;

import java.util.EnumSet;
import java.util.Set;

/**
 * The indicators, each with its formula. An item is an event for workers and regions (events reported in the period,
 * by the worker or in the region's grids) and a dispatch for departments (dispatches to the department in the period);
 * both are counted as they stood at the cut-off (now for an open period, the closing for a closed one). See
 * docs/ASSESSMENT.md.
 */
public enum Indicator {
    /** 上报数 = items; its target is the quota times the workers (a region counts one worker per grid). */
    REPORTS("上报数", "Reports", Kind.QUOTA, EnumSet.of(WORKER, GRID, VILLAGE, TOWNSHIP, COUNTY)),
    /** 有效上报率 = reports accepted, resolved or still under way / reports; merged duplicates count as valid. */
    VALID_REPORTS("有效上报率", "Valid reports", Kind.RATE, EnumSet.of(WORKER, GRID, VILLAGE, TOWNSHIP, COUNTY)),
    /** 就地处置率 = reports resolved on the spot / valid reports that are not merged duplicates. */
    ON_THE_SPOT("就地处置率", "Resolved on the spot", Kind.RATE, EnumSet.of(WORKER, GRID, VILLAGE, TOWNSHIP, COUNTY)),
    /** 立案数 = reports accepted as cases. */
    CASES("立案数", "Cases", Kind.INFO, EnumSet.of(GRID, VILLAGE, TOWNSHIP, COUNTY)),
    /**
     * 结案率 = closed / due (应结案数). Regions: due = cases and on-the-spot resolutions not suspended. Departments: due
     * = dispatches not returned, closed when their event is.
     */
    CLOSE_RATE("结案率", "Closed", Kind.RATE, EnumSet.of(GRID, VILLAGE, TOWNSHIP, COUNTY, DEPARTMENT)),
    /** 按期结案率 = closed with no step past its deadline / due (as for 结案率). */
    ON_TIME_CLOSE("按期结案率", "Closed on time", Kind.RATE, EnumSet.of(GRID, VILLAGE, TOWNSHIP, COUNTY)),
    /** 按期处置率 = dispatches handled with no step past its deadline while the department held them / due. */
    ON_TIME_HANDLE("按期处置率", "Handled on time", Kind.RATE, EnumSet.of(DEPARTMENT)),
    /** 返工率 = sent back by verification / due (regions) or handled (departments); lower is better. */
    REWORK("返工率", "Rework", Kind.INVERSE_RATE, EnumSet.of(GRID, VILLAGE, TOWNSHIP, COUNTY, DEPARTMENT)),
    /** 退回率 = dispatches returned to the dispatcher / dispatches; lower is better. */
    RETURNS("退回率", "Returned", Kind.INVERSE_RATE, EnumSet.of(DEPARTMENT)),
    /** 超期数 = items with a step past its deadline. */
    OVERDUE("超期数", "Overdue", Kind.PENALTY, EnumSet.of(GRID, VILLAGE, TOWNSHIP, COUNTY, DEPARTMENT)),
    /** 黄牌数 = yellow cards raised on the items (for departments: while the department held them). */
    YELLOW_CARDS("黄牌数", "Yellow cards", Kind.PENALTY, EnumSet.of(GRID, VILLAGE, TOWNSHIP, COUNTY, DEPARTMENT)),
    /** 红牌数 = red cards raised on the items (for departments: while the department held them). */
    RED_CARDS("红牌数", "Red cards", Kind.PENALTY, EnumSet.of(GRID, VILLAGE, TOWNSHIP, COUNTY, DEPARTMENT)),
    /** 督办数 = items pressed by a higher level (督办) at least once. */
    SUPERVISED("督办数", "Supervised", Kind.PENALTY, EnumSet.of(GRID, VILLAGE, TOWNSHIP, COUNTY, DEPARTMENT)),
    /** 满意率 = items rated satisfied or very satisfied (4 or 5) / items rated. */
    SATISFACTION("满意率", "Satisfaction", Kind.RATE, EnumSet.allOf(SubjectType.class)),
    /**
     * 信息完整率 = required fields of the residents of the subject's grids filled in / required fields (phone for
     * those 16 and over, address, household, ethnicity but for foreigners), as they are at the cut-off.
     */
    REGISTRY_COMPLETE("信息完整率", "Records complete", Kind.RATE, EnumSet.of(WORKER, GRID, VILLAGE, TOWNSHIP, COUNTY)),
    /** 信息核实率 = residents whose record was confirmed within the verification window / residents, at the cut-off. */
    REGISTRY_VERIFIED("信息核实率", "Records verified", Kind.RATE, EnumSet.of(WORKER, GRID, VILLAGE, TOWNSHIP, COUNTY)),
    /** 走访及时率 = special-group and service-group members whose follow-up is not overdue / members, at the cut-off. */
    FOLLOW_UPS_ON_TIME("走访及时率", "Follow-ups on time", Kind.RATE, EnumSet.of(WORKER, GRID, VILLAGE, TOWNSHIP, COUNTY));

    /** How an indicator's value becomes part of a score. */
    public enum Kind {
        /** A share in per cent; counts with its weight. */
        RATE,
        /** A share in per cent where less is better; counts as 100 minus the share, with its weight. */
        INVERSE_RATE,
        /** A count against a target; counts as the share of the target reached (at most 100), with its weight. */
        QUOTA,
        /** A count; each one takes the scheme's points off the score. */
        PENALTY,
        /** A count shown for information. */
        INFO
    }

    private final String label;
    private final String labelEn;
    private final Kind kind;
    private final Set<SubjectType> subjects;

    Indicator(String label, String labelEn, Kind kind, Set<SubjectType> subjects) {
        this.label = label;
        this.labelEn = labelEn;
        this.kind = kind;
        this.subjects = subjects;
    }

    public String label() {
        return label;
    }

    public String labelEn() {
        return labelEn;
    }

    public Kind kind() {
        return kind;
    }

    public boolean appliesTo(SubjectType type) {
        return subjects.contains(type);
    }

    /** Whether the indicator counts events (and so has events behind it); the others count base data. */
    public boolean countsEvents() {
        return this != REGISTRY_COMPLETE && this != REGISTRY_VERIFIED && this != FOLLOW_UPS_ON_TIME;
    }
}
