package org.gridgov.event;

/** How urgent an event is (紧急程度); the more urgent, the shorter every time limit. */
public enum Urgency {
    NORMAL("一般"),
    URGENT("紧急"),
    EMERGENCY("特急");

    private final String label;

    Urgency(String label) {
        this.label = label;
    }

    /** The Chinese name shown to users. */
    public String label() {
        return label;
    }
}
