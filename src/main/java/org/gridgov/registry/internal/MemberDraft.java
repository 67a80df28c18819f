package org.gridgov.registry.internal;

import java.util.Map;

/**
 * A person's registration in a group, or a change of it: the person and the group are fixed once registered; the
 * fields, the attention level (ATTENTION_LEVEL) and the follow-up frequency in days (the group's default when left
 * out) may change, with the version read.
 */
public record MemberDraft(
        Long residentId,
        String groupCode,
        Map<String, String> details,
        String attentionLevel,
        Integer frequencyDays,
        Integer version) {}
