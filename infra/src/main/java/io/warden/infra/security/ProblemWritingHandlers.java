package io.warden.infra.security;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.ObjectMapper;

import java.io.IOException;

/** 401 and 403 as {@code application/problem+json}, like every other error of the API. */
final class ProblemWritingHandlers {

    private ProblemWritingHandlers() {
    }

    static AuthenticationEntryPoint unauthorized(ObjectMapper mapper, boolean basicChallenge) {
        return (request, response, exception) -> {
            if (basicChallenge) {
                response.setHeader("WWW-Authenticate", "Basic realm=\"warden\"");
            } else {
                response.setHeader("WWW-Authenticate", "Bearer");
            }
            write(mapper, response, HttpStatus.UNAUTHORIZED, "unauthenticated",
                    "Authentication is required: send valid credentials with the request.", request.getRequestURI());
        };
    }

    static AccessDeniedHandler forbidden(ObjectMapper mapper) {
        return (request, response, exception) -> write(mapper, response, HttpStatus.FORBIDDEN, "forbidden",
                "Your roles do not allow " + request.getMethod() + " " + request.getRequestURI() + ".",
                request.getRequestURI());
    }

    private static void write(ObjectMapper mapper, HttpServletResponse response, HttpStatus status, String type,
                              String detail, String instance) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(io.warden.infra.web.Problems.type(type));
        problem.setTitle(status.getReasonPhrase());
        problem.setInstance(java.net.URI.create(instance));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        mapper.writeValue(response.getOutputStream(), problem);
    }

}
