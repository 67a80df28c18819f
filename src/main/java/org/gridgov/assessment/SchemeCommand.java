package org.gridgov.assessment;

import java.util.List;

/**
 * A new version of a scoring scheme for the caller's county, taking effect from a month ({@code 2027-01}) on.
 *
 * @param weights weights of the shares and the quota
 * @param penalties points off per count
 * @param vetoes 一票否决 rules: {@code {"kind":"CATEGORY","code":"ZZ0301"}} or {@code {"kind":"RED_CARDS","atLeast":3}}
 */
public record SchemeCommand(
        String effectiveFrom,
        List<Weight> weights,
        List<Weight> penalties,
        Double excellentMin,
        Double goodMin,
        Double passMin,
        Double excellentShare,
        Integer reportQuota,
        List<VetoRule> vetoes) {

    /** An indicator's weight, or its points off per count. */
    public record Weight(String indicator, Double value) {}

    public record VetoRule(String kind, String code, Integer atLeast) {}
}
