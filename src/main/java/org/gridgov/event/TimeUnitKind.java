package org.gridgov.event;

/** The unit a time limit (时限) is given in: working hours and working days follow the working calendar. */
public enum TimeUnitKind {
    /** 工作时: only time inside the working periods of working days counts. */
    WORKING_HOURS("工作时"),
    /** 工作日: whole working days, counted from the day after the start, each ending when its last period closes. */
    WORKING_DAYS("工作日"),
    /** 自然时: clock hours, nights, weekends and holidays included. */
    NATURAL_HOURS("自然时");

    private final String label;

    TimeUnitKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
