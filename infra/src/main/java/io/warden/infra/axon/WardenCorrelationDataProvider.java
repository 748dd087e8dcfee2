package io.warden.infra.axon;

import io.warden.api.types.WardenMetaData;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.correlation.CorrelationDataProvider;

import java.util.HashMap;
import java.util.Map;

/**
 * What every message caused by another one inherits from it: who acted ({@code actor}, {@code actorRoles}), the
 * request it all belongs to ({@code correlationId}, or the cause's own id when it started the chain), and the
 * message that directly caused it ({@code causationId}).
 */
public final class WardenCorrelationDataProvider implements CorrelationDataProvider {

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        MetaData metaData = message.getMetaData();
        Map<String, Object> data = new HashMap<>();
        copy(metaData, WardenMetaData.ACTOR, data);
        copy(metaData, WardenMetaData.ACTOR_ROLES, data);
        Object correlationId = metaData.get(WardenMetaData.CORRELATION_ID);
        data.put(WardenMetaData.CORRELATION_ID, correlationId != null ? correlationId : message.getIdentifier());
        data.put(WardenMetaData.CAUSATION_ID, message.getIdentifier());
        return data;
    }

    private static void copy(MetaData from, String key, Map<String, Object> to) {
        Object value = from.get(key);
        if (value != null) {
            to.put(key, value);
        }
    }
}
