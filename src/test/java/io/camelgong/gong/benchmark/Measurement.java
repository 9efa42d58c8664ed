package io.camelgong.gong.benchmark;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Wall time, CPU time and allocated bytes of one piece of work on the current thread.
 *
 * @param records    the records the work handled
 * @param wallNanos  elapsed time
 * @param cpuNanos   CPU time of the current thread (ThreadMXBean), which excludes the server's and the GC's threads
 * @param userNanos  the user-mode part of {@code cpuNanos}; the rest is kernel time, such as socket system calls
 * @param allocated  bytes allocated by the current thread, or -1 when the JVM does not report them
 */
record Measurement(long records, long wallNanos, long cpuNanos, long userNanos, long allocated) {

    private static final java.lang.management.ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    static Measurement of(Callable<Long> work) throws Exception {
        long allocatedBefore = allocatedBytes();
        long cpuBefore = THREADS.getCurrentThreadCpuTime();
        long userBefore = THREADS.getCurrentThreadUserTime();
        long start = System.nanoTime();
        long records = work.call();
        long wall = System.nanoTime() - start;
        long cpu = THREADS.getCurrentThreadCpuTime() - cpuBefore;
        long user = THREADS.getCurrentThreadUserTime() - userBefore;
        long allocatedAfter = allocatedBytes();
        return new Measurement(records, wall, cpu, user, allocatedBefore < 0 ? -1 : allocatedAfter - allocatedBefore);
    }

    private static long allocatedBytes() {
        if (THREADS instanceof com.sun.management.ThreadMXBean sun && sun.isThreadAllocatedMemoryEnabled()) {
            return sun.getCurrentThreadAllocatedBytes();
        }
        return -1;
    }

    double recordsPerSecond() {
        return records / (wallNanos / 1e9);
    }

    double cpuMicrosPerRecord() {
        return cpuNanos / 1e3 / records;
    }

    double kernelMicrosPerRecord() {
        return (cpuNanos - userNanos) / 1e3 / records;
    }

    double allocatedPerRecord() {
        return allocated < 0 ? Double.NaN : (double) allocated / records;
    }

    /**
     * Returns "min / median / max" of values, formatted with the pattern.
     */
    static String spread(List<Double> values, String format) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        double median = sorted.size() % 2 == 1
                ? sorted.get(sorted.size() / 2)
                : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
        return String.format(format + " / " + format + " / " + format, sorted.get(0), median,
                sorted.get(sorted.size() - 1));
    }
}
