package io.warden.infra.axon;

import io.warden.api.types.WardenMetaData;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class WardenCorrelationDataProviderTest {

    private final WardenCorrelationDataProvider provider = new WardenCorrelationDataProvider();

    @Test
    void what_a_command_causes_inherits_its_actor_and_correlation_and_names_the_command_as_cause() {
        Message<?> command = GenericCommandMessage.asCommandMessage("register")
                .withMetaData(MetaData.with(WardenMetaData.ACTOR, "alice")
                        .and(WardenMetaData.ACTOR_ROLES, "ANALYST,APPROVER")
                        .and(WardenMetaData.CORRELATION_ID, "req-7")
                        .and("idempotencyKey", "k-1"));

        Map<String, ?> data = provider.correlationDataFor(command);

        assertThat(data).isEqualTo(Map.of(
                WardenMetaData.ACTOR, "alice",
                WardenMetaData.ACTOR_ROLES, "ANALYST,APPROVER",
                WardenMetaData.CORRELATION_ID, "req-7",
                WardenMetaData.CAUSATION_ID, command.getIdentifier()));
    }

    @Test
    void a_message_without_correlation_starts_one_with_its_own_id() {
        Message<?> event = GenericEventMessage.asEventMessage("something happened");

        Map<String, ?> data = provider.correlationDataFor(event);

        assertThat(data).isEqualTo(Map.of(
                WardenMetaData.CORRELATION_ID, event.getIdentifier(),
                WardenMetaData.CAUSATION_ID, event.getIdentifier()));
    }
}
