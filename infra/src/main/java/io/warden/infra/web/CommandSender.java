package io.warden.infra.web;

import io.warden.api.types.WardenMetaData;
import io.warden.command.common.CommandBatches;
import io.warden.command.common.CommandResult;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Sends one command on behalf of the current HTTP request. The actor and their roles come from the authenticated
 * principal (never from the body), the correlation id from the request, and an {@code Idempotency-Key} header
 * travels with a digest of the request so that {@link IdempotencyInterceptor} can recognise a retry.
 */
@Component
public class CommandSender {

    public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";
    private static final Pattern SANE_KEY = Pattern.compile("[\\x21-\\x7e]{1,255}");

    private final CommandGateway gateway;
    private final CommandBatches batches;
    private final ObjectMapper mapper;

    public CommandSender(CommandGateway gateway, CommandBatches batches, ObjectMapper mapper) {
        this.gateway = gateway;
        this.batches = batches;
        this.mapper = mapper;
    }

    /** Sends {@code command}; {@code requestBody} (may be null) identifies the request for idempotency. */
    public CommandResult send(Object command, Object requestBody) {
        HttpServletRequest request = currentRequest();
        Map<String, Object> metaData = new HashMap<>(actorMetaData(request));
        idempotencyKey(request).ifPresent(key -> {
            metaData.put(IdempotencyInterceptor.KEY, key);
            metaData.put(IdempotencyInterceptor.REQUEST_HASH, requestHash(request, requestBody));
        });
        return sendWith(command, metaData);
    }

    /** Sends {@code command} with metadata prepared earlier on the request's thread (see {@link #actorMetaData}). */
    public CommandResult sendWith(Object command, Map<String, ?> metaData) {
        return gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
    }

    /**
     * Sends {@code commands}, each with {@code metaData}, in one transaction, or one by one (each in its own) when
     * any of them fails: see {@link CommandBatches}. Answers each command's result or failure, in order.
     */
    public List<CommandBatches.Answer> sendAllWith(List<?> commands, Map<String, ?> metaData) {
        List<CommandMessage<?>> messages = new ArrayList<>(commands.size());
        for (Object command : commands) {
            messages.add(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
        }
        return batches.sendAll(gateway, messages);
    }

    /** Who is acting and in which request: the metadata every command of this request carries. */
    public Map<String, Object> actorMetaData(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            throw new IllegalStateException("commands are only sent for authenticated requests");
        }
        return MetaData.with(WardenMetaData.ACTOR, authentication.getName())
                .and(WardenMetaData.ACTOR_ROLES, roles(authentication))
                .and(WardenMetaData.CORRELATION_ID, CorrelationIdFilter.of(request));
    }

    public java.util.Optional<String> idempotencyKey(HttpServletRequest request) {
        String key = request.getHeader(IDEMPOTENCY_HEADER);
        if (key == null) {
            return java.util.Optional.empty();
        }
        if (!SANE_KEY.matcher(key).matches()) {
            throw new BadRequestException("The Idempotency-Key header is not usable.", List.of(new Problems.FieldProblem(
                    IDEMPOTENCY_HEADER, "must be 1 to 255 visible ASCII characters")));
        }
        return java.util.Optional.of(key);
    }

    public String requestHash(HttpServletRequest request, Object requestBody) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((request.getMethod() + " " + request.getRequestURI() + "\n").getBytes(StandardCharsets.UTF_8));
            if (requestBody != null) {
                sha.update(mapper.writeValueAsBytes(requestBody));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }

    public static HttpServletRequest currentRequest() {
        return ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
    }

    private static String roles(Authentication authentication) {
        return authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_"))
                .map(a -> a.substring("ROLE_".length()))
                .sorted()
                .collect(Collectors.joining(","));
    }
}
