package io.warden.infra.web;

import io.warden.api.types.WardenMetaData;
import io.warden.command.common.CommandResult;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.ObjectMapper;

import java.util.List;
import java.util.Map;

/**
 * Makes a command with an {@code Idempotency-Key} happen once. It runs inside the command's unit of work, after
 * the transaction has begun, so the key, the events and the stored answer commit together or not at all:
 * <ul>
 *     <li>a first request claims the key (a concurrent duplicate waits on the row until the first commits),
 *     runs, and stores its answer;</li>
 *     <li>a retry with the same request finds the answer and returns it without running the handler, so nothing
 *     new is appended;</li>
 *     <li>the same key with a different request (method, path or body) is refused.</li>
 * </ul>
 * A refused command rolls back its claim, so retrying it runs it again and gives the same refusal.
 */
public class IdempotencyInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    public static final String KEY = "idempotencyKey";
    public static final String REQUEST_HASH = "idempotencyRequestHash";

    private final JdbcTemplate jdbc;
    private final ObjectMapper mapper;

    public IdempotencyInterceptor(JdbcTemplate jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Map<String, ?> metaData = unitOfWork.getMessage().getMetaData();
        Object key = metaData.get(KEY);
        if (key == null) {
            return chain.proceed();
        }
        String principal = String.valueOf(metaData.get(WardenMetaData.ACTOR));
        String hash = String.valueOf(metaData.get(REQUEST_HASH));
        int claimed = jdbc.update("""
                insert into idempotency_keys (principal, idempotency_key, request_hash)
                values (?, ?, ?) on conflict do nothing""", principal, key, hash);
        if (claimed == 0) {
            return previousAnswer(principal, key.toString(), hash);
        }
        Object result = chain.proceed();
        jdbc.update("update idempotency_keys set response_body = ? where principal = ? and idempotency_key = ?",
                mapper.writeValueAsString(result), principal, key);
        return result;
    }

    private CommandResult previousAnswer(String principal, String key, String hash) {
        List<Map<String, Object>> rows = jdbc.queryForList(
                "select request_hash, response_body from idempotency_keys where principal = ? and idempotency_key = ?",
                principal, key);
        if (rows.isEmpty()) {
            throw new IllegalStateException("Idempotency-Key '" + key + "' vanished while being checked");
        }
        Map<String, Object> row = rows.get(0);
        if (!hash.equals(row.get("request_hash")) || row.get("response_body") == null) {
            throw new IdempotencyKeyReusedException(key);
        }
        return mapper.readValue(row.get("response_body").toString(), CommandResult.class);
    }
}
