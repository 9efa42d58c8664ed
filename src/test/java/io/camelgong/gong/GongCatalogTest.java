package io.camelgong.gong;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;

import org.apache.camel.spi.UriPath;
import org.junit.jupiter.api.Test;

import io.camelgong.gong.catalog.GongCatalog;
import io.camelgong.gong.catalog.GongOperation;
import io.camelgong.gong.hosted.ConnectorAction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GongCatalogTest {

    @Test
    void catalogHasTheSixteenReferenceEntities() {
        assertThat(GongCatalog.entities()).containsExactlyInAnyOrder(
                "users", "calls", "calls_extensive", "call_audio", "call_video", "workspaces", "call_transcripts",
                "stats_activity_aggregate", "stats_activity_day_by_day", "stats_interaction", "settings_scorecards",
                "settings_trackers", "library_folders", "library_folder_content", "coaching",
                "stats_activity_scorecards");
        assertThat(GongCatalog.actions("users")).containsExactly("context_store_search", "get", "list");
        assertThat(GongCatalog.actions("calls")).containsExactly("context_store_search", "get", "list");
        assertThat(GongCatalog.actions("call_video")).containsExactly("download");
    }

    @Test
    void uriPathEnumsMatchCatalog() throws Exception {
        Set<String> entities = enums("entity");
        Set<String> expectedEntities = new TreeSet<>(GongCatalog.entities());
        expectedEntities.add(GongEndpoint.EXECUTE);
        expectedEntities.add(ConnectorAction.ENTITY);
        assertThat(new TreeSet<>(entities)).isEqualTo(expectedEntities);

        Set<String> actions = new TreeSet<>();
        GongCatalog.operations().forEach(operation -> actions.add(operation.action()));
        for (ConnectorAction action : ConnectorAction.values()) {
            actions.add(action.name());
        }
        assertThat(new TreeSet<>(enums("action"))).isEqualTo(actions);
    }

    @Test
    void everyOperationNamesScopeAndRecordsField() {
        for (GongOperation operation : GongCatalog.operations()) {
            if (operation.hostedOnly()) {
                // Searches Airbyte's stored copy: no Gong request, so no Gong path or OAuth scope.
                assertThat(operation.pathTemplate()).as(operation.name()).isNull();
                assertThat(operation.recordsField()).as(operation.name()).isEqualTo("data");
                continue;
            }
            assertThat(operation.scope()).as(operation.name()).startsWith("api:");
            assertThat(operation.recordsField()).as(operation.name()).isNotBlank();
            assertThat(operation.pathTemplate()).as(operation.name()).startsWith("/v2/");
        }
    }

    @Test
    void unknownEntityListsValidEntities() {
        assertThatThrownBy(() -> GongCatalog.operation("call", "list"))
                .hasMessageContaining("Unknown Gong entity 'call'")
                .hasMessageContaining("calls_extensive");
    }

    @Test
    void unknownActionNamesHostedActionsApart() {
        assertThatThrownBy(() -> GongCatalog.operation("users", "download"))
                .hasMessage("Unknown action 'download' for Gong entity 'users': expected one of [get, list]"
                            + " (in hosted mode also [context_store_search]), as in gong:users/list");
    }

    private static Set<String> enums(String field) throws NoSuchFieldException {
        UriPath path = GongEndpoint.class.getDeclaredField(field).getAnnotation(UriPath.class);
        return new LinkedHashSet<>(Arrays.asList(path.enums().split(",")));
    }
}
