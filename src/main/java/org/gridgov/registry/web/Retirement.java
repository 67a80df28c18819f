package org.gridgov.registry.web;

/** The body of every registry retirement, and of ending a group registration: {@code {"version": n, "reason": "…"}}. */
record Retirement(Integer version, String reason) {}
