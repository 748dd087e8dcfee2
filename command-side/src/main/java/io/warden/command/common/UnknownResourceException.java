package io.warden.command.common;

/** The command names something inside an aggregate (a restriction, an appeal, a proposal) that does not exist. */
public class UnknownResourceException extends RuntimeException {

    public UnknownResourceException(String message) {
        super(message);
    }
}
