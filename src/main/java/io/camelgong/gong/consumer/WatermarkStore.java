package io.camelgong.gong.consumer;

import java.time.Instant;

import org.apache.camel.spi.StateRepository;

/**
 * The watermark and the floor of one consumer in a {@link StateRepository}. The floor is the start of the first
 * poll's window: no later window starts before it. Both are written as ISO-8601 instants.
 */
public final class WatermarkStore {

    private final StateRepository<String, String> store;
    private final String watermarkKey;
    private final String floorKey;

    /**
     * @param store     the state store
     * @param keyPrefix the prefix of this consumer's keys, carrying the credential identity and the entity
     */
    public WatermarkStore(StateRepository<String, String> store, String keyPrefix) {
        this.store = store;
        this.watermarkKey = keyPrefix + ".watermark";
        this.floorKey = keyPrefix + ".floor";
    }

    /**
     * Returns the stored watermark, or {@code null} before the first completed poll.
     */
    public Instant watermark() {
        return read(watermarkKey);
    }

    /**
     * Returns the stored floor, or {@code null} before the first poll.
     */
    public Instant floor() {
        return read(floorKey);
    }

    public void saveWatermark(Instant watermark) {
        store.setState(watermarkKey, watermark.toString());
    }

    public void saveFloor(Instant floor) {
        store.setState(floorKey, floor.toString());
    }

    private Instant read(String key) {
        String value = store.getState(key);
        return value == null || value.isEmpty() ? null : Instant.parse(value);
    }
}
