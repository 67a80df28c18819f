package org.gridgov.registry.web;

/** The body of every registry retirement: {@code {"version": n, "reason": "…"}}. */
record Retirement(Integer version, String reason) {}
