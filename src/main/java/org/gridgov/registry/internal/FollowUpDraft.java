package org.gridgov.registry.internal;

/** A follow-up to record: the day it took place (yyyy-MM-dd, not in the future), VISIT, HELP or PHONE, and what happened. */
public record FollowUpDraft(String doneOn, String kind, String content) {}
