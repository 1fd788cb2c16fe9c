package io.github.idempotentmigrations.autoconfigure;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static io.github.idempotentmigrations.autoconfigure.GeneratedMetadata.PREFIX;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The metadata IDEs complete {@code application.properties} from: generated from
 * {@link IdempotentMigrationsProperties}'s fields and Javadoc (an enum-typed key's values
 * come from its enum), plus the keys only conditions read.
 */
class ConfigurationMetadataTests {

	private final GeneratedMetadata metadata = GeneratedMetadata.load();

	@Test
	void everyPropertyIsDescribed() {
		assertThat(fields(IdempotentMigrationsProperties.class, PREFIX + ".").keySet()).isNotEmpty()
			.allSatisfy((name) -> assertThat(this.metadata.properties()).as(name)
				.hasEntrySatisfying(name, (property) -> assertThat((String) property.get("description")).isNotBlank()));
	}

	@Test
	void schemaHealthSwitchIsDescribedWithItsDefault() {
		assertThat(this.metadata.properties().get("management.health.schema.enabled"))
			.containsEntry("type", "java.lang.Boolean")
			.containsEntry("defaultValue", true)
			.containsEntry("description", "Whether to enable the schema health check.");
	}

	@Test
	void enumKeysCarryTheirEnumTypeAndDefaultSoIdesListTheValuesWithoutHandWrittenHints() {
		Map<String, Field> enumKeys = new LinkedHashMap<>();
		fields(IdempotentMigrationsProperties.class, PREFIX + ".").forEach((name, field) -> {
			if (field.getType().isEnum()) {
				enumKeys.put(name, field);
			}
		});

		assertThat(enumKeys).hasSize(9).allSatisfy((name, field) -> {
			List<String> constants = Arrays.stream(field.getType().getEnumConstants())
				.map((constant) -> ((Enum<?>) constant).name().toLowerCase(Locale.ROOT))
				.toList();
			Map<String, Object> property = this.metadata.properties().get(name);
			assertThat(property).as(name).containsEntry("type", field.getType().getName());
			assertThat(constants).as(name).contains((String) property.get("defaultValue"));
		});
		assertThat(this.metadata.hints().keySet()).noneMatch((name) -> name.startsWith(PREFIX + "."));
	}

	/**
	 * Keys by walking the fields: nested classes of the properties class are groups,
	 * anything else a leaf.
	 */
	private static Map<String, Field> fields(Class<?> type, String prefix) {
		Map<String, Field> fields = new LinkedHashMap<>();
		for (Field field : type.getDeclaredFields()) {
			if (Modifier.isStatic(field.getModifiers())) {
				continue;
			}
			String name = prefix + kebabCase(field.getName());
			if (field.getType().getDeclaringClass() == IdempotentMigrationsProperties.class) {
				fields.putAll(fields(field.getType(), name + "."));
			}
			else {
				fields.put(name, field);
			}
		}
		return fields;
	}

	private static String kebabCase(String camelCase) {
		return camelCase.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
	}

}
