package io.warden.command.screening;

/** The file as a whole is not a list in the CSL layout (no header, missing columns): nothing can be imported. */
public class MalformedListException extends RuntimeException {

    public MalformedListException(String message) {
        super(message);
    }

    public MalformedListException(String message, Throwable cause) {
        super(message, cause);
    }
}
