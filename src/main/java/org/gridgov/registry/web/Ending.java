package org.gridgov.registry.web;

/** Body {@code {"version": n, "reason": "…"}} of ending a group registration. */
record Ending(Integer version, String reason) {}
