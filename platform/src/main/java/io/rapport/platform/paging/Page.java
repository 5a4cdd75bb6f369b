package io.rapport.platform.paging;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a list: the items, and the cursor of the next page (absent on the last page). */
@Schema(name = "Page")
public record Page<T>(
        List<T> items,
        @Schema(description = "Pass as ?cursor= to get the next page; absent on the last page") String nextCursor) {

    public <R> Page<R> map(java.util.function.Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), nextCursor);
    }
}
