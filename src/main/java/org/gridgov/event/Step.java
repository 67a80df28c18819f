package org.gridgov.event;

/** A timed step of an event's flow; each has its own time limit (时限). */
public enum Step {
    ACCEPT("受理"),
    DISPATCH("派遣"),
    CLAIM("签收"),
    HANDLE("处置"),
    VERIFY("核查");

    private final String label;

    Step(String label) {
        this.label = label;
    }

    /** The Chinese name shown to users. */
    public String label() {
        return label;
    }
}
