package org.gridgov.assessment;

/** A 加分 / 扣分 asked for: {@code points} positive or negative, with a reason. */
public record AdjustmentCommand(String period, String subject, Double points, String reason) {}
