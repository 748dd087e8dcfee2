package io.warden.command.common;

/**
 * A rule of the domain refuses the command in the aggregate's current state. The message is a sentence a person
 * can act on; the API answers 409 with it.
 */
public class CommandRefusedException extends RuntimeException {

    public CommandRefusedException(String message) {
        super(message);
    }
}
