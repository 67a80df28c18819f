package org.gridgov.common;

/**
 * A client-made request id, which makes a write idempotent: a phone that sends it again after losing signal (its
 * offline queue) finds what the first send made instead of making it twice.
 */
public final class RequestIds {

    /** The longest id accepted (a UUID has 36 characters). */
    public static final int MAX_LENGTH = 64;

    private RequestIds() {}

    /** The id stripped, or null when none was sent; 400 naming the field {@code requestId} when it is too long. */
    public static String checked(String requestId) {
        String id = requestId == null ? null : requestId.strip();
        if (id == null || id.isEmpty()) {
            return null;
        }
        if (id.length() > MAX_LENGTH) {
            throw ProblemException.invalid(
                    "requestId",
                    "too-long",
                    "请求号不能超过 " + MAX_LENGTH + " 个字符",
                    "requestId must have at most " + MAX_LENGTH + " characters");
        }
        return id;
    }
}
