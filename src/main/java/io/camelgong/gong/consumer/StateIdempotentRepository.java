package io.camelgong.gong.consumer;

import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.service.ServiceSupport;

/**
 * The delivered ids of one consumer, kept under one key of a {@link StateRepository} (the store that also keeps the
 * OAuth tokens and the watermark). Each id carries the latest start of its call, so ids whose call can no longer be
 * listed are dropped by {@link #expireBefore(Instant)}; the stored value therefore holds only the ids of the trailing
 * window. Every change rewrites the key, so an id is durable once {@link #add(String, Instant)} returns.
 */
public final class StateIdempotentRepository extends ServiceSupport implements IdempotentRepository {

    private static final char ENTRY_SEPARATOR = ',';
    private static final char TIME_SEPARATOR = '@';

    private final StateRepository<String, String> store;
    private final String key;
    private final Map<String, Instant> delivered = new LinkedHashMap<>();

    public StateIdempotentRepository(StateRepository<String, String> store, String key) {
        this.store = store;
        this.key = key;
    }

    @Override
    protected void doStart() {
        reload();
    }

    /**
     * Re-reads the ids from the store, dropping what this instance had in memory. Another process may have written
     * them since this one last read.
     */
    public synchronized void reload() {
        delivered.clear();
        String value = store.getState(key);
        if (value == null || value.isEmpty()) {
            return;
        }
        for (String entry : value.split(String.valueOf(ENTRY_SEPARATOR))) {
            int at = entry.indexOf(TIME_SEPARATOR);
            if (at > 0) {
                delivered.put(entry.substring(0, at), Instant.parse(entry.substring(at + 1)));
            }
        }
    }

    /**
     * Records an id as delivered, with the latest start time of its call, and writes the store.
     *
     * @return {@code false} when the id was already recorded
     */
    public synchronized boolean add(String id, Instant latestStart) {
        if (delivered.containsKey(id)) {
            return false;
        }
        delivered.put(id, latestStart);
        write();
        return true;
    }

    /**
     * Records an id without a known start time; it is never expired. Prefer {@link #add(String, Instant)}.
     */
    @Override
    public boolean add(String id) {
        return add(id, Instant.MAX);
    }

    @Override
    public synchronized boolean contains(String id) {
        return delivered.containsKey(id);
    }

    @Override
    public synchronized boolean remove(String id) {
        if (delivered.remove(id) == null) {
            return false;
        }
        write();
        return true;
    }

    @Override
    public boolean confirm(String id) {
        return true;
    }

    @Override
    public synchronized void clear() {
        delivered.clear();
        write();
    }

    /**
     * Drops the ids whose call started before a time, and writes the store when any was dropped.
     *
     * @return the number of ids dropped
     */
    public synchronized int expireBefore(Instant horizon) {
        int dropped = 0;
        for (Iterator<Instant> it = delivered.values().iterator(); it.hasNext();) {
            if (it.next().isBefore(horizon)) {
                it.remove();
                dropped++;
            }
        }
        if (dropped > 0) {
            write();
        }
        return dropped;
    }

    /**
     * Returns the number of ids recorded.
     */
    public synchronized int size() {
        return delivered.size();
    }

    private void write() {
        StringBuilder value = new StringBuilder();
        for (Map.Entry<String, Instant> entry : delivered.entrySet()) {
            if (!value.isEmpty()) {
                value.append(ENTRY_SEPARATOR);
            }
            value.append(entry.getKey()).append(TIME_SEPARATOR).append(entry.getValue());
        }
        store.setState(key, value.toString());
    }

    @Override
    protected void doStop() {
        // the store is shared and outlives this view of one key
    }
}
