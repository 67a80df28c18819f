package org.gridgov.field;

/** Whether a record begins the worker's day on duty or ends it. */
public enum SignKind {
    /** 签到. */
    IN,
    /** 签退. */
    OUT
}
