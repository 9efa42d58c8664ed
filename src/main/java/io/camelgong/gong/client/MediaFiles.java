package io.camelgong.gong.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import io.camelgong.gong.GongApiException;

/**
 * Writes an open media download to a file as it streams in.
 */
public final class MediaFiles {

    private MediaFiles() {
    }

    /**
     * Copies the download into {@code target} and closes the download. The bytes go first to a temporary file in the
     * same directory, which is moved over {@code target} once complete, so a failed download never leaves a truncated
     * file under the target name. Missing parent directories are created.
     *
     * @return the number of bytes written
     * @throws GongApiException when the connection or the file system fails; the temporary file is deleted
     */
    public static long write(MediaDownload download, Path target, String operation) {
        Path directory = target.toAbsolutePath().getParent();
        Path partial = null;
        try (InputStream content = download.content()) {
            Files.createDirectories(directory);
            partial = Files.createTempFile(directory, target.getFileName().toString(), ".part");
            long written = Files.copy(content, partial, StandardCopyOption.REPLACE_EXISTING);
            move(partial, target);
            return written;
        } catch (IOException e) {
            deleteQuietly(partial);
            throw new GongApiException(operation, 0, download.requestId(), List.of(),
                    "cannot write the download to " + target + ": " + e, e);
        } finally {
            try {
                download.response().close();
            } catch (IOException e) {
                // the body was read or abandoned; the connection pool discards the connection either way
            }
        }
    }

    private static void move(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // NOTE: a leftover .part file stays behind when the file system also refuses the delete
        }
    }
}
