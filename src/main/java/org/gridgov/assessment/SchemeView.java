package org.gridgov.assessment;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The scheme a subject type is scored by for a period: whose it is, from when, and its numbers. */
public record SchemeView(
        SubjectType subjectType,
        String regionCode,
        LocalDate effectiveFrom,
        Map<Indicator, Double> weights,
        Map<Indicator, Double> penalties,
        double excellentMin,
        double goodMin,
        double passMin,
        Double excellentShare,
        int reportQuota,
        List<SchemeCommand.VetoRule> vetoes) {}
