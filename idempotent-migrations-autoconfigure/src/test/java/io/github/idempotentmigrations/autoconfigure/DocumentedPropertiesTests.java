package io.github.idempotentmigrations.autoconfigure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.boot.env.PropertySourceLoader;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ByteArrayResource;

import static io.github.idempotentmigrations.autoconfigure.GeneratedMetadata.PREFIX;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code idempotent-migrations.*} key in a {@code yaml} or {@code properties}
 * snippet of the README and {@code docs/*.md} is one the starter binds, as its generated
 * configuration metadata lists them: a renamed or removed property cannot stay in the
 * documentation.
 */
class DocumentedPropertiesTests {

	private static final Pattern SNIPPET = Pattern.compile("^```(yaml|yml|properties)[ \\t]*\\n(.*?)^```",
			Pattern.MULTILINE | Pattern.DOTALL);

	private static final Pattern INDEX = Pattern.compile("\\[[^]]*]");

	private final GeneratedMetadata metadata = GeneratedMetadata.load();

	@Test
	void everyDocumentedKeyIsAPropertyOfTheStarter() throws IOException {
		List<String> keys = new ArrayList<>();
		for (Path document : documents()) {
			for (String key : documentedKeys(document)) {
				keys.add(document.getFileName() + ": " + key);
			}
		}

		assertThat(keys).as("documented idempotent-migrations.* keys").isNotEmpty().allSatisfy((documented) -> {
			String key = documented.substring(documented.indexOf(": ") + 2);
			assertThat(isProperty(key)).as("%s is not in the configuration metadata", documented).isTrue();
		});
	}

	/**
	 * A metadata property, or a key of a map-valued one ({@code repair.resume-after[2]}).
	 */
	private boolean isProperty(String key) {
		String name = INDEX.matcher(key).replaceAll("");
		return this.metadata.properties().containsKey(name) || this.metadata.properties()
			.entrySet()
			.stream()
			.anyMatch((property) -> ((String) property.getValue().get("type")).startsWith("java.util.Map<")
					&& key.startsWith(property.getKey() + "."));
	}

	/**
	 * The README and {@code docs/*.md} of the repository this module is built in (tests
	 * run in the module).
	 */
	private static List<Path> documents() throws IOException {
		Path root = Path.of("").toAbsolutePath().getParent();
		Path readme = root.resolve("README.md");
		assertThat(readme).as("the repository's README").exists();
		List<Path> documents = new ArrayList<>(List.of(readme));
		try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
			docs.filter((path) -> path.toString().endsWith(".md")).sorted().forEach(documents::add);
		}
		return documents;
	}

	/**
	 * The keys Boot would read from each snippet, loaded by Boot's own property source
	 * loaders.
	 */
	private static List<String> documentedKeys(Path document) throws IOException {
		List<String> keys = new ArrayList<>();
		Matcher snippet = SNIPPET.matcher(Files.readString(document, StandardCharsets.UTF_8));
		while (snippet.find()) {
			PropertySourceLoader loader = snippet.group(1).equals("properties") ? new PropertiesPropertySourceLoader()
					: new YamlPropertySourceLoader();
			ByteArrayResource text = new ByteArrayResource(snippet.group(2).getBytes(StandardCharsets.UTF_8));
			for (PropertySource<?> source : loader.load(document.getFileName().toString(), text)) {
				for (String key : ((EnumerablePropertySource<?>) source).getPropertyNames()) {
					if (key.startsWith(PREFIX + ".")) {
						keys.add(key);
					}
				}
			}
		}
		return keys;
	}

}
