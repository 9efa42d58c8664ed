package io.camelgong.gong.auth;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.processor.state.MemoryStateRepository;

/**
 * A token store over any Camel {@link StateRepository}, with one in-process lock per key. It keeps two refreshes of
 * one JVM apart, but not two processes: for those use a store with a cross-process lock, such as
 * {@link FileStateStore}.
 */
public final class StateRepositoryTokenStore implements TokenStore {

    private final StateRepository<String, String> repository;
    private final boolean persistent;
    private final ConcurrentMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    public StateRepositoryTokenStore(StateRepository<String, String> repository) {
        this.repository = repository;
        this.persistent = !(repository instanceof MemoryStateRepository);
    }

    /**
     * Returns a store that lives only as long as this JVM.
     */
    public static StateRepositoryTokenStore inMemory() {
        return new StateRepositoryTokenStore(new MemoryStateRepository());
    }

    @Override
    public TokenChain read(String key) {
        return TokenChain.fromJson(repository.getState(key));
    }

    @Override
    public boolean compareAndSet(String key, TokenChain expected, TokenChain replacement) {
        return withLock(key, () -> {
            if (!Objects.equals(read(key), expected)) {
                return false;
            }
            repository.setState(key, replacement.toJson());
            return true;
        });
    }

    @Override
    public <T> T withLock(String key, Supplier<T> action) {
        ReentrantLock lock = locks.computeIfAbsent(key, k -> new ReentrantLock());
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean isPersistent() {
        return persistent;
    }

    /**
     * Returns the repository this store writes to.
     */
    public StateRepository<String, String> repository() {
        return repository;
    }
}
