package io.warden.query.support;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/** A WHERE clause built from the filters a list query was given; each filter left null adds nothing. */
public final class Filters {

    private final StringJoiner clauses = new StringJoiner(" and ", " where ", "").setEmptyValue("");
    private final List<Object> arguments = new ArrayList<>();

    public Filters when(Object value, String clause) {
        if (value != null) {
            clauses.add(clause);
            arguments.add(value instanceof Enum<?> e ? e.name() : value);
        }
        return this;
    }

    public Filters always(String clause) {
        clauses.add(clause);
        return this;
    }

    public String where() {
        return clauses.toString();
    }

    public Object[] arguments(Object... more) {
        List<Object> all = new ArrayList<>(arguments);
        all.addAll(List.of(more));
        return all.toArray();
    }
}
