package io.camelgong.gong.auth;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.service.ServiceSupport;

import io.camelgong.gong.GongException;

/**
 * A state file shared by every process on one host that names it: a Camel {@link StateRepository} for plain state
 * such as a consumer's watermark, and a {@link TokenStore} for OAuth token chains.
 * <p>
 * Every read and write takes an exclusive {@link FileLock} on a sibling {@code <file>.lock}, so a refresh that runs
 * inside {@link #withLock} excludes every other process on the host, and no process overwrites the keys another one
 * wrote. The file is a {@link Properties} file rewritten whole through a temporary file and an atomic rename, so a
 * crash leaves either the old or the new content, and it is readable by its owner only where the file system has
 * POSIX permissions. It is read from disk on every call because another process may have changed it.
 */
public final class FileStateStore extends ServiceSupport implements StateRepository<String, String>, TokenStore {

    // A JVM may hold only one FileLock per file: FileChannel.lock throws OverlappingFileLockException on a second one,
    // even from another channel. So the threads of one JVM queue on this lock first, and only the outermost holder
    // takes the file lock.
    private static final ConcurrentMap<Path, PathLock> PATH_LOCKS = new ConcurrentHashMap<>();

    private final Path file;
    private final PathLock pathLock;

    public FileStateStore(Path file) {
        this.file = file.toAbsolutePath().normalize();
        this.pathLock = PATH_LOCKS.computeIfAbsent(this.file,
                path -> new PathLock(path.resolveSibling(path.getFileName() + ".lock")));
    }

    @Override
    public String getState(String key) {
        return withFileLock(() -> load().getProperty(key));
    }

    @Override
    public void setState(String key, String value) {
        withFileLock(() -> {
            Properties properties = load();
            if (value == null) {
                properties.remove(key);
            } else {
                properties.setProperty(key, value);
            }
            save(properties);
            return null;
        });
    }

    @Override
    public TokenChain read(String key) {
        return TokenChain.fromJson(getState(key));
    }

    @Override
    public boolean compareAndSet(String key, TokenChain expected, TokenChain replacement) {
        return withFileLock(() -> {
            Properties properties = load();
            if (!Objects.equals(TokenChain.fromJson(properties.getProperty(key)), expected)) {
                return false;
            }
            properties.setProperty(key, replacement.toJson());
            save(properties);
            return true;
        });
    }

    @Override
    public <T> T withLock(String key, Supplier<T> action) {
        return withFileLock(action);
    }

    /**
     * Returns the state file.
     */
    public Path file() {
        return file;
    }

    private <T> T withFileLock(Supplier<T> action) {
        pathLock.threads.lock();
        try {
            boolean outermost = pathLock.threads.getHoldCount() == 1;
            if (outermost) {
                pathLock.acquireFileLock();
            }
            try {
                return action.get();
            } finally {
                if (outermost) {
                    pathLock.releaseFileLock();
                }
            }
        } finally {
            pathLock.threads.unlock();
        }
    }

    private Properties load() {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (NoSuchFileException e) {
            // no state yet
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the Gong state file " + file, e);
        }
        return properties;
    }

    private void save(Properties properties) {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(file.getParent());
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                restrictToOwner(temporary);
                try (Writer writer = Channels.newWriter(channel, StandardCharsets.UTF_8)) {
                    properties.store(writer, "camel-gong state: OAuth token chains and consumer progress");
                    writer.flush();
                    // A token chain must reach the disk before the new access token is used.
                    channel.force(true);
                }
            }
            moveIntoPlace(temporary);
            syncDirectory();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the Gong state file " + file, e);
        }
    }

    private void moveIntoPlace(Path temporary) throws IOException {
        try {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Flushes the directory entry of the rename to disk, so a crash right after the rename cannot bring back the old
     * file. Only where the platform allows opening a directory: Linux does, Windows does not.
     */
    private void syncDirectory() {
        try (FileChannel directory = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException e) {
            // not supported here; the file content itself was forced before the rename
        }
    }

    private static void restrictToOwner(Path path) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        }
    }

    @Override
    protected void doStart() {
        // every call reads the file, so there is nothing to load
    }

    @Override
    protected void doStop() {
        // every call writes the file, so there is nothing to flush
    }

    @Override
    public String toString() {
        return "FileStateStore[" + file + "]";
    }

    /**
     * The lock of one state file: a reentrant lock for the threads of this JVM and the file lock held by the outermost
     * holder.
     */
    private static final class PathLock {
        private final ReentrantLock threads = new ReentrantLock();
        private final Path lockFile;
        private FileChannel channel;
        private FileLock fileLock;

        private PathLock(Path lockFile) {
            this.lockFile = lockFile;
        }

        private void acquireFileLock() {
            try {
                Files.createDirectories(lockFile.getParent());
                channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                fileLock = channel.lock();
            } catch (IOException e) {
                closeChannel();
                throw new GongException("Cannot lock the Gong state file " + lockFile + ": " + e.getMessage(), e);
            }
        }

        private void releaseFileLock() {
            try {
                if (fileLock != null) {
                    fileLock.release();
                }
            } catch (IOException e) {
                // closing the channel below releases the lock too
            } finally {
                fileLock = null;
                closeChannel();
            }
        }

        private void closeChannel() {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException e) {
                    // the lock is released with the channel, or with the process at the latest
                }
                channel = null;
            }
        }
    }
}
