package io.camelgong.gong.simulator;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Seeded random source of the demo data generators, so that every run generates the same records.
 */
final class DemoRandom {

    private static final long MIN_ID = 1_000_000_000_000_000_000L;
    private static final long ID_SPAN = 8_000_000_000_000_000_000L;

    private final Random random;
    private final Set<String> issuedIds = new HashSet<>();

    DemoRandom(long seed) {
        this.random = new Random(seed);
    }

    /** Returns a new 19-digit id that this source has not returned before and that fits in a signed long. */
    String id() {
        while (true) {
            String id = Long.toString(MIN_ID + Math.floorMod(random.nextLong(), ID_SPAN));
            if (issuedIds.add(id)) {
                return id;
            }
        }
    }

    /** Returns an integer in [{@code min}, {@code max}]. */
    int between(int min, int max) {
        return min + random.nextInt(max - min + 1);
    }

    /** Returns a double in [{@code min}, {@code max}) rounded to {@code decimals} places. */
    double between(double min, double max, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round((min + random.nextDouble() * (max - min)) * scale) / scale;
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** Returns {@code count} lower-case letters and digits. */
    String alphanumeric(int count) {
        StringBuilder text = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            text.append(Character.forDigit(random.nextInt(36), 36));
        }
        return text.toString();
    }

    /** Returns {@code count} decimal digits. */
    String digits(int count) {
        StringBuilder text = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            text.append(random.nextInt(10));
        }
        return text.toString();
    }
}
