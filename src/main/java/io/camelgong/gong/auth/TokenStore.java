package io.camelgong.gong.auth;

import java.util.function.Supplier;

/**
 * Keeps OAuth token chains so that a rotated refresh token survives restarts and is never presented twice.
 * <p>
 * A refresh is {@code withLock(key, read, call Gong, compareAndSet)}: the lock keeps every other holder of the same
 * store from refreshing the same chain at the same time, and the compare-and-set refuses to overwrite a chain that
 * someone who ignored the lock replaced meanwhile. An implementation shared by several nodes (a database row with
 * {@code SELECT ... FOR UPDATE}, for example) implements the same three methods.
 */
public interface TokenStore {

    /**
     * Returns the chain stored under a key, or {@code null} when there is none.
     */
    TokenChain read(String key);

    /**
     * Stores {@code replacement} under a key if the stored chain still equals {@code expected} ({@code null} for
     * none).
     *
     * @return whether the chain was replaced
     */
    boolean compareAndSet(String key, TokenChain expected, TokenChain replacement);

    /**
     * Runs an action while holding this store's exclusive lock for a key. Other callers of the same store wait,
     * including, where the store supports it, callers in other processes. The lock is reentrant.
     */
    <T> T withLock(String key, Supplier<T> action);

    /**
     * Tells whether stored chains survive a restart of the JVM.
     */
    default boolean isPersistent() {
        return true;
    }
}
