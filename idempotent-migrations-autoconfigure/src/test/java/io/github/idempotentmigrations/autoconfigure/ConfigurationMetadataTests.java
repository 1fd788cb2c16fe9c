package io.github.idempotentmigrations.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.springframework.boot.json.JsonParserFactory;
import org.springframework.util.StreamUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The metadata IDEs complete {@code application.properties} from: generated from
 * {@link IdempotentMigrationsProperties}'s Javadoc, plus the keys only conditions read.
 */
class ConfigurationMetadataTests {

    private static final String METADATA = "META-INF/spring-configuration-metadata.json";

    private static final String PREFIX = "idempotent-migrations";

    @Test
    void everyPropertyIsDescribed() throws IOException {
        Map<String, Map<String, Object>> properties = describedProperties();

        assertThat(expectedNames(IdempotentMigrationsProperties.class, PREFIX + "."))
            .isNotEmpty()
            .allSatisfy((name) -> assertThat(properties).as(name)
                .hasEntrySatisfying(name, (property) -> assertThat((String) property.get("description")).isNotBlank()));
    }

    @Test
    void schemaHealthSwitchIsDescribedWithItsDefault() throws IOException {
        assertThat(describedProperties().get("management.health.schema.enabled"))
            .containsEntry("type", "java.lang.Boolean")
            .containsEntry("defaultValue", true)
            .containsEntry("description", "Whether to enable the schema health check.");
    }

    @Test
    void everyRepairKeyHintsExactlyTheValuesItsOwnEnumAccepts() throws IOException, ClassNotFoundException {
        Map<String, Object> metadata = ourMetadata();
        Map<String, Map<String, Object>> properties = byName(metadata, "properties");
        Map<String, Map<String, Object>> hints = byName(metadata, "hints");
        List<String> repairKeys = expectedNames(IdempotentMigrationsProperties.Repair.class, PREFIX + ".repair.")
            .stream()
            .filter((name) -> !name.endsWith(".assume-applied") && !name.endsWith(".resume-after"))
            .toList();

        assertThat(repairKeys).hasSize(6).allSatisfy((name) -> {
            Class<?> type = Class.forName((String) properties.get(name).get("type"));
            List<String> accepted = Arrays.stream(type.getEnumConstants())
                .map((constant) -> ((Enum<?>) constant).name().toLowerCase(Locale.ROOT))
                .toList();
            assertThat(hints).as(name).containsKey(name);
            assertThat(hintedValues(hints.get(name))).as(name).containsExactlyInAnyOrderElementsOf(accepted);
        });
    }

    @SuppressWarnings("unchecked")
    private static List<String> hintedValues(Map<String, Object> hint) {
        return ((List<Map<String, Object>>) hint.get("values")).stream().map((value) -> (String) value.get("value")).toList();
    }

    /** Names by walking the fields: nested classes of the properties class are groups, anything else a leaf. */
    private static List<String> expectedNames(Class<?> type, String prefix) {
        List<String> names = new ArrayList<>();
        for (Field field : type.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers())) {
                continue;
            }
            String name = prefix + kebabCase(field.getName());
            if (field.getType().getDeclaringClass() == IdempotentMigrationsProperties.class) {
                names.addAll(expectedNames(field.getType(), name + "."));
            }
            else {
                names.add(name);
            }
        }
        return names;
    }

    private static String kebabCase(String camelCase) {
        return camelCase.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /** This module's metadata file: the one among the classpath's that declares the {@code idempotent-migrations} group. */
    private static Map<String, Map<String, Object>> describedProperties() throws IOException {
        return byName(ourMetadata(), "properties");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> byName(Map<String, Object> metadata, String section) {
        List<Map<String, Object>> entries = (List<Map<String, Object>>) metadata.getOrDefault(section, List.of());
        return entries.stream().collect(Collectors.toMap((entry) -> (String) entry.get("name"), Function.identity()));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> ourMetadata() throws IOException {
        List<Map<String, Object>> ours = new ArrayList<>();
        for (URL url : Collections.list(ConfigurationMetadataTests.class.getClassLoader().getResources(METADATA))) {
            Map<String, Object> metadata = parse(url);
            List<Map<String, Object>> groups = (List<Map<String, Object>>) metadata.getOrDefault("groups", List.of());
            if (groups.stream().anyMatch((group) -> PREFIX.equals(group.get("name")))) {
                ours.add(metadata);
            }
        }
        assertThat(ours).as("metadata declaring the '%s' group", PREFIX).hasSize(1);
        return ours.get(0);
    }

    private static Map<String, Object> parse(URL url) throws IOException {
        try (InputStream in = url.openStream()) {
            return JsonParserFactory.getJsonParser().parseMap(StreamUtils.copyToString(in, StandardCharsets.UTF_8));
        }
    }
}
