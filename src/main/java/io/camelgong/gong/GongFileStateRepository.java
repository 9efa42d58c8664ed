package io.camelgong.gong;

import java.io.File;
import java.io.IOException;
import java.util.HashMap;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.support.processor.state.FileStateRepository;

/**
 * Camel's {@link FileStateRepository} made safe for a file that a standby process reads too. Camel's class reads the
 * file only when it starts and, when it compacts the file (on stop, or once the file exceeds its size limit),
 * rewrites it from its memory, which in a standby is stale. This class re-reads the file before every compaction and
 * on {@link #reload()}, which a consumer calls when it starts, so a node taking over reads the last writer's state.
 * <p>
 * NOTE: writes from two processes at the same moment are not locked against each other; the clustered consumer
 * relies on only the leader writing consumer state.
 */
class GongFileStateRepository extends FileStateRepository {

    GongFileStateRepository(File file) {
        super(file, new HashMap<>());
    }

    /**
     * Replaces the state in memory with the file's content.
     */
    synchronized void reload() {
        try {
            getCache().clear();
            loadStore();
        } catch (IOException e) {
            throw new RuntimeCamelException("Cannot read the Gong state file " + getFilePath(), e);
        }
    }

    @Override
    public synchronized String getState(String key) {
        return super.getState(key);
    }

    @Override
    public synchronized void setState(String key, String value) {
        super.setState(key, value);
    }

    @Override
    protected synchronized void trunkStore() {
        // The file contains the lines every process appended, and memory may lack another process's latest ones.
        reload();
        super.trunkStore();
    }
}
