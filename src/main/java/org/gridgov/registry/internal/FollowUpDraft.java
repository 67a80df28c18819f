package org.gridgov.registry.internal;

/**
 * A follow-up to record: the day it took place (yyyy-MM-dd, not in the future), VISIT, HELP or PHONE, and what happened.
 * {@code requestId}, when given, makes it idempotent: a phone that sends it again after losing signal records it once.
 */
public record FollowUpDraft(String doneOn, String kind, String content, String requestId) {}
