package io.camelgong.gong;

/**
 * Raised when OAuth credentials ask for one call that Gong marks private. Apps that use OAuth must not export private
 * calls, so the component withholds it unless the includePrivateCalls option is set.
 */
public class GongPrivateCallException extends GongException {

    private static final long serialVersionUID = 1L;

    private final String callId;

    public GongPrivateCallException(String operation, String callId) {
        super("Gong " + operation + ": call " + callId + " is marked private in Gong, and apps that use OAuth must not"
              + " export private calls, so it was withheld. Set includePrivateCalls=true only if your Gong app is"
              + " allowed to read private calls.");
        this.callId = callId;
    }

    /**
     * Returns the id of the private call.
     */
    public String getCallId() {
        return callId;
    }
}
