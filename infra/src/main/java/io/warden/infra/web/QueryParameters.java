package io.warden.infra.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Parsing of the query parameters of the read endpoints, so that a bad one is a 400 naming the parameter and what
 * it accepts, never a 500 and never silently ignored.
 */
final class QueryParameters {

    private static final Set<String> COUNTRIES = Set.copyOf(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2));

    private QueryParameters() {
    }

    static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw invalid(name, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw invalid(name, "must be an ISO-8601 instant in UTC, e.g. 2026-02-23T09:15:00Z");
        }
    }

    static Boolean bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.equals("true") || value.equals("false")) {
            return Boolean.valueOf(value);
        }
        throw invalid(name, "must be true or false");
    }

    static String country(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!COUNTRIES.contains(value)) {
            throw invalid(name, "must be an ISO 3166-1 alpha-2 country code in upper case, e.g. DE");
        }
        return value;
    }

    static String text(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** A point-in-time read comes from the stored events, which are always complete: a minVersion adds nothing. */
    static void notBoth(Instant asOf, Long minVersion) {
        if (asOf != null && minVersion != null) {
            throw new BadRequestException("asOf and minVersion cannot be combined.", List.of(new Problems.FieldProblem(
                    "minVersion", "leave it out with asOf: a point-in-time read is reconstructed from the stored events")));
        }
    }

    private static BadRequestException invalid(String name, String message) {
        return new BadRequestException("The request has an invalid parameter: " + name + ".",
                List.of(new Problems.FieldProblem(name, message)));
    }
}
