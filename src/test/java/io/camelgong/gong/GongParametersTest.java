package io.camelgong.gong;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.camelgong.gong.catalog.GongCatalog;
import io.camelgong.gong.catalog.GongOperation;
import io.camelgong.gong.catalog.GongParameters;
import io.camelgong.gong.catalog.GongRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GongParametersTest {

    private static final GongOperation EXTENSIVE = GongCatalog.operation("calls_extensive", "list");

    @Test
    void dottedKeysAndNestedMapsMerge() {
        Map<String, Object> params = GongParameters.resolve(EXTENSIVE, Map.of(), Map.of(
                "filter.callIds", List.of("1", 2L),
                "contentSelector", Map.of("exposedFields", Map.of("parties", "true"))));

        assertThat(params).isEqualTo(Map.of(
                "filter", Map.of("callIds", List.of("1", "2")),
                "contentSelector", Map.of("exposedFields", Map.of("parties", true))));
    }

    @Test
    void endpointOptionsFillTheFilter() {
        Map<String, Object> params = GongParameters.resolve(EXTENSIVE,
                Map.of("fromDateTime", "2026-01-01T00:00:00+01:00", "callIds", "11, 12"), null);

        GongRequest request = GongRequest.of(EXTENSIVE, params);

        assertThat(request.body()).isEqualTo(Map.of("filter", Map.of(
                "fromDateTime", "2026-01-01T00:00:00+01:00", "callIds", List.of("11", "12"))));
    }

    @Test
    void javaTimeValuesAreFormatted() {
        Map<String, Object> params = GongParameters.resolve(GongCatalog.operation("calls", "list"), Map.of(),
                Map.of("fromDateTime", OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHours(-8))));

        assertThat(params.get("fromDateTime")).isEqualTo("2026-01-02T03:04:05-08:00");
    }

    @Test
    void plusOffsetDecodedToSpaceIsRestored() {
        // Camel decodes + in an endpoint URI to a space, so fromDateTime=2026-01-01T09:00:00+02:00 arrives like this
        Map<String, Object> params = GongParameters.resolve(GongCatalog.operation("calls", "list"),
                Map.of("fromDateTime", "2026-01-01T09:00:00 02:00"), null);

        assertThat(params.get("fromDateTime")).isEqualTo("2026-01-01T09:00:00+02:00");
    }

    @Test
    void postWithoutFilterStillSendsFilterObject() {
        GongRequest request = GongRequest.of(EXTENSIVE, GongParameters.resolve(EXTENSIVE, Map.of(), null));

        assertThat(request.body()).isEqualTo(Map.of("filter", Map.of()));
    }

    @Test
    void idsBeyondLongRangeStayStrings() {
        Map<String, Object> params = GongParameters.resolve(GongCatalog.operation("calls", "get"), Map.of(),
                Map.of("id", "98765432109876543210"));

        assertThat(params.get("id")).isEqualTo("98765432109876543210");
    }

    @Test
    void nestedParameterThatIsNotMapIsRejected() {
        assertThatThrownBy(() -> GongParameters.resolve(EXTENSIVE, Map.of(), Map.of("filter", "callIds=1")))
                .isInstanceOf(GongValidationException.class)
                .hasMessageContaining("'filter'")
                .hasMessageContaining("expected a Map of [callIds, fromDateTime, primaryUserIds, toDateTime,"
                                      + " workspaceId]");
    }

    @Test
    void unknownParameterListsAcceptedNames() {
        assertThatThrownBy(() -> GongParameters.resolve(EXTENSIVE, Map.of(), Map.of("filter.userIds", "1")))
                .isInstanceOf(GongValidationException.class)
                .hasMessageContaining("Unknown parameter 'filter.userIds' for gong:calls_extensive/list")
                .hasMessageContaining("filter.callIds");
    }

    @Test
    void statsEndAfterTodayIsRejected() {
        GongOperation stats = GongCatalog.operation("stats_interaction", "list");
        String tooLate = LocalDate.now(ZoneOffset.UTC).plusDays(3).toString();

        assertThatThrownBy(() -> GongParameters.resolve(stats, Map.of("fromDate", "2026-01-01", "toDate", tooLate),
                null))
                .isInstanceOf(GongValidationException.class)
                .hasMessageContaining(tooLate + " is after today");
    }

    @Test
    void emptyIdListIsRejected() {
        assertThatThrownBy(() -> GongParameters.resolve(EXTENSIVE, Map.of(), Map.of("filter.callIds", List.of())))
                .isInstanceOf(GongValidationException.class)
                .hasMessageContaining("expected a list of numeric Gong ids");
    }
}
