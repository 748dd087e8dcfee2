package io.warden.infra.web;

import java.util.List;

/** Input that passed JSON binding but is still unusable (a bad header, a bad query parameter). */
public class BadRequestException extends RuntimeException {

    private final transient List<Problems.FieldProblem> errors;

    public BadRequestException(String message, List<Problems.FieldProblem> errors) {
        super(message);
        this.errors = List.copyOf(errors);
    }

    public List<Problems.FieldProblem> errors() {
        return errors;
    }
}
