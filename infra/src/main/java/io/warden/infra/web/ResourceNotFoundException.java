package io.warden.infra.web;

/** The path names a resource Warden does not know. */
public class ResourceNotFoundException extends RuntimeException {

    public ResourceNotFoundException(String message) {
        super(message);
    }
}
