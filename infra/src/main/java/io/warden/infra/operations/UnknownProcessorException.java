package io.warden.infra.operations;

import io.warden.infra.web.ResourceNotFoundException;

/** The path names an event processor that does not exist (answered 404). */
public class UnknownProcessorException extends ResourceNotFoundException {

    public UnknownProcessorException(String name) {
        super("No event processor is named '" + name + "'; GET /api/v1/admin/processors lists them.");
    }
}
