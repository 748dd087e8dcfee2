package io.warden.infra.operations;

/** An operation the processor cannot do in its current kind or state (answered 409). */
public class ProcessorOperationRefusedException extends RuntimeException {

    public ProcessorOperationRefusedException(String message) {
        super(message);
    }
}
