package io.camelgong.gong.consumer;

import java.time.Instant;

import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StateIdempotentRepositoryTest {

    private static final String KEY = "gong.consumer.accessKey:abc.calls.delivered";
    private static final Instant T0 = Instant.parse("2026-12-04T12:00:00Z");

    private final MemoryStateRepository store = new MemoryStateRepository();

    @Test
    void addedIdsSurviveReload() {
        StateIdempotentRepository first = new StateIdempotentRepository(store, KEY);
        first.start();
        first.add("1", T0);
        first.add("2", T0.plusNanos(1000));

        StateIdempotentRepository second = new StateIdempotentRepository(store, KEY);
        second.start();

        assertThat(second.contains("1")).isTrue();
        assertThat(second.contains("2")).isTrue();
        assertThat(second.contains("3")).isFalse();
    }

    @Test
    void addReportsKnownId() {
        StateIdempotentRepository repository = new StateIdempotentRepository(store, KEY);
        repository.start();

        assertThat(repository.add("1", T0)).isTrue();
        assertThat(repository.add("1", T0)).isFalse();
    }

    @Test
    void expireDropsOnlyIdsBeforeHorizon() {
        StateIdempotentRepository repository = new StateIdempotentRepository(store, KEY);
        repository.start();
        repository.add("old", T0.minusSeconds(1));
        repository.add("edge", T0);
        repository.add("new", T0.plusSeconds(1));

        int dropped = repository.expireBefore(T0);

        assertThat(dropped).isEqualTo(1);
        assertThat(repository.contains("old")).isFalse();
        assertThat(repository.contains("edge")).isTrue();
        assertThat(store.getState(KEY)).doesNotContain("old@");
    }

    @Test
    void idWithoutStartNeverExpires() {
        StateIdempotentRepository repository = new StateIdempotentRepository(store, KEY);
        repository.start();
        repository.add("1");

        repository.expireBefore(T0.plusSeconds(1_000_000));
        repository.reload();

        assertThat(repository.contains("1")).isTrue();
    }

    @Test
    void removeForgetsId() {
        StateIdempotentRepository repository = new StateIdempotentRepository(store, KEY);
        repository.start();
        repository.add("1", T0);

        assertThat(repository.remove("1")).isTrue();
        repository.reload();

        assertThat(repository.contains("1")).isFalse();
    }
}
