package org.gridgov.assessment;

import java.util.List;
import java.util.Map;

/**
 * A new version of a scoring scheme for the caller's county, taking effect from a month ({@code 2027-01}) on.
 *
 * @param weights weights of the shares and the quota, by indicator
 * @param penalties points off per count, by indicator
 * @param vetoes 一票否决 rules: {@code {"kind":"CATEGORY","code":"ZZ0301"}} or {@code {"kind":"RED_CARDS","atLeast":3}}
 */
public record SchemeCommand(
        String effectiveFrom,
        Map<String, Double> weights,
        Map<String, Double> penalties,
        Double excellentMin,
        Double goodMin,
        Double passMin,
        Double excellentShare,
        Integer reportQuota,
        List<VetoRule> vetoes) {

    public record VetoRule(String kind, String code, Integer atLeast) {}
}
