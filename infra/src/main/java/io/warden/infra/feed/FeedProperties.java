package io.warden.infra.feed;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The enforcement feed's stream ({@code warden.feed.*}).
 *
 * @param pollInterval  how often the one shared poller reads new feed entries for all connected streams
 * @param heartbeat     a comment line on an idle stream this often, so proxies keep it open and clients notice a
 *                      dead connection
 * @param streamTimeout a stream ends after this long; the client reconnects with {@code Last-Event-ID}
 * @param maxStreams    streams open at once; more are answered 503
 */
@ConfigurationProperties("warden.feed")
public record FeedProperties(@DefaultValue("200ms") Duration pollInterval,
                             @DefaultValue("15s") Duration heartbeat,
                             @DefaultValue("30m") Duration streamTimeout,
                             @DefaultValue("200") int maxStreams) {
}
