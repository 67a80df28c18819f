package org.gridgov.field;

/**
 * The stopped patrols of one worker, grid or village over a period.
 *
 * @param code the grid or village code, or the worker's account id as text
 * @param name the grid's or village's name, or the worker's
 * @param meanCoverage the mean of the patrols' coverage, 0 to 1; null when none has one
 */
public record PatrolFigures(
        String code, String name, long patrols, double kilometres, double hours, Double meanCoverage) {

    /** Whose figures: a worker's, a grid's or a village's. */
    public enum By {
        WORKER,
        GRID,
        VILLAGE
    }
}
