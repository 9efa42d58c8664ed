package io.camelgong.gong.client;

import java.io.FilterInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.StreamCachingStrategy;

/**
 * The body of a call_audio or call_video download as it arrives from the object store. It has a class of its own so
 * that Camel's stream caching can exclude it. Caching would read the whole stream into memory (or a spool file) before
 * the next processor runs, and media files reach a gigabyte.
 */
public final class MediaInputStream extends FilterInputStream {

    MediaInputStream(InputStream in) {
        super(in);
    }

    /**
     * Adds this class to the deny list of the context's stream caching strategy, keeping the classes already listed.
     * Other bodies are cached as configured.
     */
    public static void excludeFromStreamCaching(CamelContext camelContext) {
        StreamCachingStrategy strategy = camelContext.getStreamCachingStrategy();
        if (strategy == null) {
            return;
        }
        synchronized (strategy) {
            Collection<Class<?>> denied = strategy.getDenyClasses();
            if (denied != null && denied.contains(MediaInputStream.class)) {
                return;
            }
            List<Class<?>> classes = new ArrayList<>();
            if (denied != null) {
                classes.addAll(denied);
            }
            classes.add(MediaInputStream.class);
            strategy.setDenyClasses(classes.toArray(new Class<?>[0]));
        }
    }
}
