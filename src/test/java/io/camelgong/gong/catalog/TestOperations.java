package io.camelgong.gong.catalog;

/**
 * Operations that the catalog does not offer, built for tests of behaviour that depends on operation flags.
 */
public final class TestOperations {

    private TestOperations() {
    }

    /**
     * Returns a write operation shaped like Gong's POST /v2/calls.
     */
    public static GongOperation write() {
        return GongOperation.builder("calls", "create").kind(OperationKind.GET).post("/v2/calls").records("callId")
                .write().build();
    }
}
