package org.orglife.errors;

import java.util.List;

/** Every {@code /api} error: a Chinese sentence and, where there are several, the details. */
public record ApiError(String error, List<String> details) {

    public static ApiError of(String error) {
        return new ApiError(error, List.of());
    }
}
