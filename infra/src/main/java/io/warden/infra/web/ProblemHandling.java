package io.warden.infra.web;

import io.warden.command.common.CommandRefusedException;
import io.warden.command.common.InvalidCommandException;
import io.warden.command.common.UnknownResourceException;
import jakarta.validation.ConstraintViolationException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every error of the API as {@code application/problem+json} (RFC 9457): 400 for malformed or invalid input (with
 * {@code errors: [{field, message}]}), 404 for unknown resources, 409 when a rule of the domain or a concurrent
 * change refuses the command, 413 for oversized bodies, 422 for commands that cannot be carried out as asked. Bad
 * input never becomes a 500, and none of these leaves anything stored.
 */
@RestControllerAdvice
public class ProblemHandling extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandling.class);

    @ExceptionHandler(CommandRefusedException.class)
    ResponseEntity<ProblemDetail> refused(CommandRefusedException e) {
        return problem(Problems.of(HttpStatus.CONFLICT, "command-refused", "Command refused", e.getMessage()));
    }

    @ExceptionHandler({UnknownResourceException.class, AggregateNotFoundException.class, ResourceNotFoundException.class})
    ResponseEntity<ProblemDetail> notFound(RuntimeException e) {
        String detail = e instanceof AggregateNotFoundException missing
                ? "No resource with id '" + missing.getAggregateIdentifier() + "' exists."
                : e.getMessage();
        return problem(Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", detail));
    }

    @ExceptionHandler(InvalidCommandException.class)
    ResponseEntity<ProblemDetail> unprocessable(InvalidCommandException e) {
        return problem(Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "command-invalid", "Command cannot be carried out", e.getMessage()));
    }

    @ExceptionHandler(IdempotencyKeyReusedException.class)
    ResponseEntity<ProblemDetail> keyReused(IdempotencyKeyReusedException e) {
        return problem(Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", "Idempotency-Key reused", e.getMessage()));
    }

    @ExceptionHandler(ReadModelNotReadyException.class)
    ResponseEntity<ProblemDetail> notReady(ReadModelNotReadyException e) {
        ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "read-model-behind", "Read model not ready", e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, e.retryAfter().toSeconds())))
                .body(problem);
    }

    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<ProblemDetail> concurrent(ConcurrencyException e) {
        log.info("Concurrent modification refused: {}", e.getMessage());
        return problem(Problems.of(HttpStatus.CONFLICT, "concurrent-modification", "Concurrent modification",
                "Another command changed this resource at the same moment; read its current state and try again."));
    }

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<ProblemDetail> wrapped(CommandExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof CommandRefusedException c) {
            return refused(c);
        }
        if (cause instanceof UnknownResourceException || cause instanceof AggregateNotFoundException) {
            return notFound((RuntimeException) cause);
        }
        if (cause instanceof InvalidCommandException c) {
            return unprocessable(c);
        }
        if (cause instanceof ConcurrencyException c) {
            return concurrent(c);
        }
        return unexpected(e);
    }

    @ExceptionHandler(BadRequestException.class)
    ResponseEntity<ProblemDetail> badRequest(BadRequestException e) {
        return problem(Problems.invalid(e.getMessage(), e.errors()));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException e) {
        List<Problems.FieldProblem> errors = e.getConstraintViolations().stream()
                .map(v -> new Problems.FieldProblem(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        return problem(Problems.invalid("The request has invalid parameters.", errors));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("Unexpected error", e);
        return problem(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "Warden could not complete the request; nothing was recorded. The error is logged under this request's correlation id."));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<Problems.FieldProblem> errors = e.getBindingResult().getFieldErrors().stream()
                .map(ProblemHandling::fieldProblem)
                .collect(Collectors.toList());
        e.getBindingResult().getGlobalErrors().forEach(g -> errors.add(new Problems.FieldProblem(g.getObjectName(), g.getDefaultMessage())));
        return asObject(Problems.invalid("The request body has " + errors.size() + " invalid field(s).", errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e, HttpHeaders headers,
                                                                            HttpStatusCode status, WebRequest request) {
        List<Problems.FieldProblem> errors = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(err -> new Problems.FieldProblem(
                        r.getMethodParameter().getParameterName(), err.getDefaultMessage())))
                .toList();
        return asObject(Problems.invalid("The request has invalid parameters.", errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        Throwable cause = e.getCause();
        while (cause != null) {
            if (cause instanceof RequestSizeLimitFilter.RequestTooLargeException tooLarge) {
                return asObject(RequestSizeLimitFilter.tooLarge(tooLarge.limit()));
            }
            if (cause instanceof JacksonException jackson) {
                return asObject(Problems.invalid("The request body could not be read.", List.of(describe(jackson))));
            }
            cause = cause.getCause();
        }
        return asObject(Problems.invalid("The request body is missing or is not valid JSON.", List.of()));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem
                && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
            HttpStatus status = HttpStatus.resolve(statusCode.value());
            problem.setType(Problems.type(status == null ? "error" : status.name().toLowerCase().replace('_', '-')));
            if (problem.getTitle() == null && status != null) {
                problem.setTitle(status.getReasonPhrase());
            }
        }
        return response;
    }

    private static Problems.FieldProblem describe(JacksonException e) {
        String field = e.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        String message;
        if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null && invalid.getTargetType().isEnum()) {
            message = "must be one of " + Arrays.toString(invalid.getTargetType().getEnumConstants());
        } else if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null) {
            message = "is not a valid " + invalid.getTargetType().getSimpleName()
                    + (invalid.getTargetType().getSimpleName().equals("Instant") ? " (use ISO-8601 in UTC, e.g. 2026-02-23T09:15:00Z)" : "");
        } else if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            message = "has the wrong JSON type for " + mismatched.getTargetType().getSimpleName();
        } else {
            message = "is malformed JSON: " + e.getOriginalMessage();
        }
        return new Problems.FieldProblem(field.isEmpty() ? "body" : field, message);
    }

    private static Problems.FieldProblem fieldProblem(FieldError error) {
        return new Problems.FieldProblem(error.getField(), error.getDefaultMessage());
    }

    private static String lastNode(String path) {
        int dot = path.indexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    private static ResponseEntity<ProblemDetail> problem(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    private static ResponseEntity<Object> asObject(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }
}
