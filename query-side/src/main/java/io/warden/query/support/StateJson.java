package io.warden.query.support;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes the state documents that the account and case views keep beside their filter columns. A mapper
 * of its own, not the HTTP one: the stored shape must not change when someone tunes the API's JSON.
 */
public final class StateJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private StateJson() {
    }

    public static String write(Object state) {
        return MAPPER.writeValueAsString(state);
    }

    public static <T> T read(String json, Class<T> type) {
        return MAPPER.readValue(json, type);
    }
}
