package io.warden.command.common;

/** The command is well formed but cannot be carried out as asked (for example, it names unknown accounts). */
public class InvalidCommandException extends RuntimeException {

    public InvalidCommandException(String message) {
        super(message);
    }
}
