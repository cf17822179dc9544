package org.exdiag.http;

/** An answer other than 2xx, with the body {@code {"error":{"message":...,"field":...}}}. */
final class ApiError extends RuntimeException {
    final int status;
    final String field;

    ApiError(int status, String message, String field) {
        super(message, null, false, false);
        this.status = status;
        this.field = field;
    }

    ApiError(int status, String message) {
        this(status, message, null);
    }
}
