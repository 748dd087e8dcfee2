package io.warden.infra.feed;

import io.warden.api.queries.EnforcementDecision;
import io.warden.api.queries.EnforcementDecisionPage;
import io.warden.api.queries.FindEnforcementDecisionsQuery;
import org.axonframework.common.AxonThreadFactory;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The Server-Sent Events side of the enforcement feed. One poller thread serves every open stream: each tick it
 * groups the streams by the position they have reached (normally all of them share the newest one), reads the feed
 * once per group and writes the new entries to each stream of the group. A stream that fell behind (a reconnect with
 * an old {@code Last-Event-ID}) catches up 1,000 entries a tick. An idle stream gets a heartbeat comment.
 * <p>
 * Streams end on timeout, on the client's disconnect (noticed at the next write, a heartbeat at the latest) or when
 * the application closes, and are forgotten then.
 */
@Component
public class EnforcementFeedStreams implements DisposableBean, ApplicationListener<ContextClosedEvent> {

    private static final Logger log = LoggerFactory.getLogger(EnforcementFeedStreams.class);
    private static final int CATCH_UP_PAGE = 1000;

    private final QueryGateway queries;
    private final FeedProperties properties;
    private final Clock clock;
    private final Set<Stream> streams = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(new AxonThreadFactory("enforcement-feed-poller"));

    public EnforcementFeedStreams(QueryGateway queries, FeedProperties properties, Clock clock) {
        this.queries = queries;
        this.properties = properties;
        this.clock = clock;
        long interval = properties.pollInterval().toMillis();
        poller.scheduleWithFixedDelay(this::tick, interval, interval, TimeUnit.MILLISECONDS);
    }

    /** Opens a stream that starts after {@code position}; null when {@code warden.feed.max-streams} are open. */
    public SseEmitter open(long position) {
        if (streams.size() >= properties.maxStreams()) {
            return null;
        }
        SseEmitter emitter = new SseEmitter(properties.streamTimeout().toMillis());
        Stream stream = new Stream(emitter, position, clock.instant());
        emitter.onCompletion(() -> streams.remove(stream));
        emitter.onTimeout(() -> {
            streams.remove(stream);
            emitter.complete();
        });
        emitter.onError(e -> streams.remove(stream));
        streams.add(stream);
        return emitter;
    }

    int openStreams() {
        return streams.size();
    }

    private void tick() {
        try {
            if (streams.isEmpty()) {
                return;
            }
            Map<Long, List<Stream>> byPosition = new LinkedHashMap<>();
            for (Stream stream : streams) {
                byPosition.computeIfAbsent(stream.position, p -> new ArrayList<>()).add(stream);
            }
            Instant now = clock.instant();
            byPosition.forEach((position, group) -> {
                List<EnforcementDecision> entries = queries.query(new FindEnforcementDecisionsQuery(position, CATCH_UP_PAGE),
                        ResponseTypes.instanceOf(EnforcementDecisionPage.class)).join().items();
                for (Stream stream : group) {
                    if (!entries.isEmpty()) {
                        stream.send(entries, now);
                    } else if (now.isAfter(stream.lastWrite.plus(properties.heartbeat()))) {
                        stream.heartbeat(now);
                    }
                }
            });
        } catch (RuntimeException e) {
            // the read model may be replaying or the database briefly away; the next tick tries again
            log.warn("Enforcement feed poll failed: {}", e.toString());
        }
    }

    /**
     * Ends every stream as soon as the application starts to close: an open stream is an active request, and the web
     * server's graceful shutdown would otherwise wait its full timeout for streams that never end by themselves.
     * Clients reconnect (to another instance) with {@code Last-Event-ID}.
     */
    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        destroy();
    }

    @Override
    public void destroy() {
        poller.shutdownNow();
        streams.forEach(s -> s.emitter.complete());
        streams.clear();
    }

    private final class Stream {
        private final SseEmitter emitter;
        private volatile long position;
        private volatile Instant lastWrite;

        private Stream(SseEmitter emitter, long position, Instant opened) {
            this.emitter = emitter;
            this.position = position;
            this.lastWrite = opened;
        }

        private void send(List<EnforcementDecision> entries, Instant now) {
            try {
                for (EnforcementDecision entry : entries) {
                    emitter.send(SseEmitter.event()
                            .id(Long.toString(entry.position()))
                            .name("enforcement")
                            .data(entry, MediaType.APPLICATION_JSON));
                    position = entry.position();
                }
                lastWrite = now;
            } catch (Exception e) {
                gone(e);
            }
        }

        private void heartbeat(Instant now) {
            try {
                emitter.send(SseEmitter.event().comment("heartbeat"));
                lastWrite = now;
            } catch (Exception e) {
                gone(e);
            }
        }

        /** The client went away: forget the stream (the servlet container closes the connection). */
        private void gone(Exception e) {
            streams.remove(this);
            log.debug("Enforcement feed stream closed: {}", e.toString());
            emitter.completeWithError(e);
        }
    }
}
