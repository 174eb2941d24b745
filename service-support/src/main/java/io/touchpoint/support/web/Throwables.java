package io.touchpoint.support.web;

/** Exception helpers for logs that may name an exception's class, never its message (it may quote data). */
public final class Throwables {

    private Throwables() {
    }

    public static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
