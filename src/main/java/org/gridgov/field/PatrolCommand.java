package org.gridgov.field;

/**
 * A start of a patrol in one of the worker's grids.
 *
 * @param requestId made by the device, so that a start sent twice starts one patrol
 */
public record PatrolCommand(String requestId, String gridCode) {}
