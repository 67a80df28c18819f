package org.gridgov.common;

/**
 * One thing wrong with one input field, said in Chinese and English.
 *
 * @param field the request field, a JSON pointer-like path such as {@code features[3].geometry}
 * @param code a stable machine-readable reason such as {@code self-intersection}
 */
public record FieldProblem(String field, String code, String message, String messageEn) {}
