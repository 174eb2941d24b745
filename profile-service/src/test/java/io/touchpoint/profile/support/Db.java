package io.touchpoint.profile.support;

import io.quarkus.narayana.jta.QuarkusTransaction;

import java.util.function.Supplier;

/** Reads the database directly, to check what an API call really stored. */
public final class Db {

    private Db() {
    }

    public static <T> T read(Supplier<T> query) {
        return QuarkusTransaction.requiringNew().call(query::get);
    }
}
