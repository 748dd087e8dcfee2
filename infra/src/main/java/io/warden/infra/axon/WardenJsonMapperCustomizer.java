package io.warden.infra.axon;

import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;
import tools.jackson.databind.jsontype.PolymorphicTypeValidator;

import java.time.Instant;
import java.util.UUID;

/**
 * Warden's settings for the Jackson 3 mapper of Axon's serializers (events, snapshots, tokens, sagas, messages).
 * Jackson 3 already reads records and java.time values and honours {@code @JsonAutoDetect} on the aggregates that
 * are snapshotted through their fields. Two things it does not do by default:
 * <ul>
 *     <li>ignore a property it does not know, so that JSON written by a newer version of a class (one field more)
 *     still reads, and a property a getter added to a snapshot does not block reading it back;</li>
 *     <li>read Axon's {@code ReplayToken}, whose reset context is typed by class name with {@code Object} as base
 *     type. Jackson 3 refuses such polymorphism unless told which classes may be named, and without this the token
 *     of any processor being replayed cannot be read back.</li>
 * </ul>
 */
public class WardenJsonMapperCustomizer implements Jackson3SerializerCustomizer {

    /** Classes that stored JSON may name for instantiation: Axon's and ours, and plain values as reset context. */
    static final PolymorphicTypeValidator NAMED_TYPES = BasicPolymorphicTypeValidator.builder()
            .allowIfSubType("org.axonframework.")
            .allowIfSubType("io.warden.")
            .allowIfSubType(String.class)
            .allowIfSubType(Long.class)
            .allowIfSubType(Integer.class)
            .allowIfSubType(Boolean.class)
            .allowIfSubType(UUID.class)
            .allowIfSubType(Instant.class)
            .build();

    @Override
    public void accept(JsonMapper.Builder builder) {
        builder.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .polymorphicTypeValidator(NAMED_TYPES);
    }
}
