package io.warden.infra.axon;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.warden.api.types.Tier;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.MergedTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.ANY;
import static com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.NONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The JSON that Axon writes to the event store, token store and snapshot table, with Warden's mapper settings. */
class AxonJsonTest {

    private final Jackson3Serializer serializer = Jackson3Serializer.builder()
            .jsonMapperBuilderCustomizer(new WardenJsonMapperCustomizer())
            .build();

    record Decision(String accountId, Instant decidedAt, Duration lifetime, List<String> violationIds, Tier tier) {
    }

    @JsonAutoDetect(fieldVisibility = ANY, getterVisibility = NONE, isGetterVisibility = NONE)
    static final class FieldState {
        private String id;
        private Map<String, Instant> deadlines = new HashMap<>();
        private Decision last;

        private FieldState() {
        }

        FieldState(String id, Decision last) {
            this.id = id;
            this.last = last;
            deadlines.put("sla", Instant.parse("2026-03-01T12:00:00Z"));
        }

        public boolean isClosed() {
            return false;
        }
    }

    @Test
    void records_with_java_time_values_survive_a_round_trip_as_readable_json() {
        Decision decision = new Decision("acc-1", Instant.parse("2026-01-02T03:04:05.123Z"), Duration.ofHours(72),
                List.of("v-1", "v-2"), Tier.ENTERPRISE);

        SerializedObject<byte[]> json = serializer.serialize(decision, byte[].class);

        assertThat(new String(json.getData(), StandardCharsets.UTF_8))
                .contains("\"decidedAt\":\"2026-01-02T03:04:05.123Z\"", "\"lifetime\":\"PT72H\"", "\"tier\":\"ENTERPRISE\"");
        assertThat((Decision) serializer.deserialize(json)).isEqualTo(decision);
    }

    @Test
    void state_snapshotted_through_its_fields_survives_a_round_trip() {
        FieldState state = new FieldState("acc-1", new Decision("acc-1", Instant.parse("2026-01-02T03:04:05Z"),
                Duration.ofMinutes(5), List.of(), Tier.FREE));

        FieldState restored = serializer.deserialize(serializer.serialize(state, byte[].class));

        assertThat(restored).usingRecursiveComparison().isEqualTo(state);
    }

    @Test
    void a_property_this_version_does_not_know_is_ignored() {
        byte[] newer = """
                {"accountId":"acc-1","decidedAt":"2026-01-02T03:04:05Z","lifetime":"PT1H","violationIds":[],
                 "tier":"PRO","addedInALaterVersion":"x"}""".getBytes(StandardCharsets.UTF_8);

        Decision decision = serializer.deserialize(new SimpleSerializedObject<>(newer, byte[].class,
                new SimpleSerializedType(Decision.class.getName(), null)));

        assertThat(decision.accountId()).isEqualTo("acc-1");
    }

    @Test
    void stored_json_cannot_make_the_serializer_instantiate_an_arbitrary_class() {
        byte[] forged = """
                {"tokenAtReset":{"@class":"org.axonframework.eventhandling.GlobalSequenceTrackingToken","globalIndex":1},
                 "currentToken":null,"context":["java.net.URL","http://example.com/"]}""".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> serializer.deserialize(new SimpleSerializedObject<>(forged, byte[].class,
                serializer.typeForClass(ReplayToken.class))))
                .isInstanceOf(SerializationException.class)
                .rootCause().hasMessageContaining("java.net.URL");
    }

    @Test
    void a_replay_token_with_a_plain_value_as_context_reads_back() {
        byte[] stored = """
                {"tokenAtReset":{"@class":"org.axonframework.eventhandling.GlobalSequenceTrackingToken","globalIndex":1},
                 "currentToken":null,"context":["java.util.UUID","5c0e4a3e-8a4e-4c1e-9f57-4b1f0d3b1f2a"]}"""
                .getBytes(StandardCharsets.UTF_8);

        ReplayToken token = serializer.deserialize(new SimpleSerializedObject<>(stored, byte[].class,
                serializer.typeForClass(ReplayToken.class)));

        assertThat(token.context()).isEqualTo(UUID.fromString("5c0e4a3e-8a4e-4c1e-9f57-4b1f0d3b1f2a"));
    }

    @Test
    void axons_tracking_tokens_and_metadata_survive_a_round_trip() {
        TrackingToken gapAware = GapAwareTrackingToken.newInstance(42, Set.of(39L, 40L));
        TrackingToken replay = ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(100),
                new GlobalSequenceTrackingToken(7));
        TrackingToken replayWithContext = ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(100),
                null, "rebuild after v2 upcaster");
        TrackingToken merged = new MergedTrackingToken(new GlobalSequenceTrackingToken(3),
                GapAwareTrackingToken.newInstance(5, Set.of()));
        MetaData metaData = MetaData.with("actor", "alice").and("correlationId", "c-1");

        assertThat((TrackingToken) serializer.deserialize(serializer.serialize(gapAware, byte[].class))).isEqualTo(gapAware);
        assertThat((TrackingToken) serializer.deserialize(serializer.serialize(replay, byte[].class))).isEqualTo(replay);
        assertThat((TrackingToken) serializer.deserialize(serializer.serialize(replayWithContext, byte[].class)))
                .isEqualTo(replayWithContext);
        assertThat((TrackingToken) serializer.deserialize(serializer.serialize(merged, byte[].class))).isEqualTo(merged);
        assertThat((MetaData) serializer.deserialize(serializer.serialize(metaData, byte[].class))).isEqualTo(metaData);
    }
}
