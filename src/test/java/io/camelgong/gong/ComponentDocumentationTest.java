package io.camelgong.gong;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The component reference must document every Gong option and header of the generated metadata, so a new option
 * cannot ship undocumented.
 */
class ComponentDocumentationTest {

    private static final Path COMPONENT_DOC = Path.of("src/main/docs/gong-component.adoc");

    @Test
    void everyGongOptionIsDocumented() throws IOException {
        String doc = Files.readString(COMPONENT_DOC);
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, Map<String, Object>> option : section("properties").entrySet()) {
            boolean ours = GongConfiguration.class.getName().equals(option.getValue().get("configurationClass"))
                           || "path".equals(option.getValue().get("kind"));
            if (ours && !doc.contains("| *" + option.getKey() + "* (")) {
                missing.add(option.getKey());
            }
        }
        assertThat(missing).as("options missing from " + COMPONENT_DOC).isEmpty();
    }

    @Test
    void everyHeaderIsDocumented() throws IOException {
        String doc = Files.readString(COMPONENT_DOC);
        List<String> missing = new ArrayList<>();
        for (String header : section("headers").keySet()) {
            if (!doc.contains("| `" + header + "` (")) {
                missing.add(header);
            }
        }
        assertThat(missing).as("headers missing from " + COMPONENT_DOC).isEmpty();
    }

    private static Map<String, Map<String, Object>> section(String name) throws IOException {
        try (InputStream in = ComponentDocumentationTest.class.getResourceAsStream(
                "/META-INF/io/camelgong/gong/gong.json")) {
            Map<String, Object> metadata = new ObjectMapper().readValue(in, new TypeReference<>() {
            });
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> section = (Map<String, Map<String, Object>>) metadata.get(name);
            assertThat(section).as(name).isNotEmpty();
            return section;
        }
    }
}
