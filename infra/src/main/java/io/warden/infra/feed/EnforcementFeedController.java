package io.warden.infra.feed;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.warden.api.queries.EnforcementDecisionPage;
import io.warden.api.queries.FindEnforcementDecisionsQuery;
import io.warden.infra.web.BadRequestException;
import io.warden.infra.web.Problems;
import io.warden.infra.web.ReadModelNotReadyException;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.MediaType;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.time.Duration;
import java.util.List;

/**
 * Enforcement decisions in force, in order, for gateways: as JSON pages ({@code after}, {@code limit}) or, with
 * {@code Accept: text/event-stream}, as a stream whose event ids are feed positions, so a reconnect with
 * {@code Last-Event-ID} resumes where it stopped.
 */
@RestController
@Validated
@RequestMapping("/api/v1/feed/enforcement")
@Tag(name = "Feed")
@EnableConfigurationProperties(FeedProperties.class)
public class EnforcementFeedController {

    private final QueryGateway queries;
    private final EnforcementFeedStreams streams;

    public EnforcementFeedController(QueryGateway queries, EnforcementFeedStreams streams) {
        this.queries = queries;
        this.streams = streams;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Decisions with a position greater than after (default 0), oldest first; next is the after of the following call")
    public EnforcementDecisionPage page(@RequestParam(defaultValue = "0") @Min(0) long after,
                                        @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return queries.query(new FindEnforcementDecisionsQuery(after, limit),
                ResponseTypes.instanceOf(EnforcementDecisionPage.class)).join();
    }

    @GetMapping(produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "The same as Server-Sent Events (event name 'enforcement', id = position), from after or Last-Event-ID")
    public SseEmitter stream(@RequestParam(required = false) @Min(0) Long after,
                             @RequestHeader(value = "Last-Event-ID", required = false) String lastEventId,
                             HttpServletResponse response) {
        long from = lastEventId != null && !lastEventId.isBlank() ? parse(lastEventId) : after == null ? 0 : after;
        SseEmitter emitter = streams.open(from);
        if (emitter == null) {
            throw new ReadModelNotReadyException("Every feed stream this instance allows is open; retry later or read"
                    + " the JSON pages.", Duration.ofSeconds(5));
        }
        // proxies must neither cache nor buffer a stream a gateway waits on
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Accel-Buffering", "no");
        return emitter;
    }

    private static long parse(String lastEventId) {
        try {
            long position = Long.parseLong(lastEventId.trim());
            if (position >= 0) {
                return position;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw new BadRequestException("Last-Event-ID must be a feed position (a number from 0)",
                List.of(new Problems.FieldProblem("Last-Event-ID", "must be a number from 0")));
    }
}
