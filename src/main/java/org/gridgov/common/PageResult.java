package org.gridgov.common;

import java.util.List;
import java.util.function.Function;

/** One page of a list; every list endpoint answers with it. */
public record PageResult<T>(List<T> content, int page, int size, long totalElements, int totalPages) {

    public static <T> PageResult<T> of(List<T> content, PageQuery query, long totalElements) {
        int totalPages = (int) ((totalElements + query.size() - 1) / query.size());
        return new PageResult<>(List.copyOf(content), query.page(), query.size(), totalElements, totalPages);
    }

    public <R> PageResult<R> map(Function<? super T, ? extends R> mapper) {
        return new PageResult<>(content.stream().<R>map(mapper).toList(), page, size, totalElements, totalPages);
    }
}
