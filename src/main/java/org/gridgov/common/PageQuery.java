package org.gridgov.common;

import java.util.ArrayList;

/** A validated page request: zero-based page number and a size capped per endpoint. */
public record PageQuery(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 200;

    /** Validates raw request values; null means the default. */
    public static PageQuery of(Integer page, Integer size) {
        return of(page, size, MAX_SIZE);
    }

    public static PageQuery of(Integer page, Integer size, int maxSize) {
        var errors = new ArrayList<FieldProblem>();
        int p = page == null ? 0 : page;
        int s = size == null ? Math.min(DEFAULT_SIZE, maxSize) : size;
        if (p < 0) {
            errors.add(new FieldProblem("page", "range", "页码不能小于 0", "page must be 0 or greater"));
        }
        if (s < 1 || s > maxSize) {
            errors.add(new FieldProblem(
                    "size", "range", "每页条数必须在 1 到 " + maxSize + " 之间", "size must be between 1 and " + maxSize));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new PageQuery(p, s);
    }

    public long offset() {
        return (long) page * size;
    }
}
