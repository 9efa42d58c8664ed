package io.camelgong.gong;

import org.apache.camel.RuntimeCamelException;

/**
 * Base class of the exceptions the Gong component raises while talking to Gong.
 */
public class GongException extends RuntimeCamelException {

    private static final long serialVersionUID = 1L;

    public GongException(String message) {
        super(message);
    }

    public GongException(String message, Throwable cause) {
        super(message, cause);
    }
}
