package io.github.idempotentmigrations.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.boot.json.JsonParserFactory;
import org.springframework.util.StreamUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * This module's {@code META-INF/spring-configuration-metadata.json} as the configuration
 * processor wrote it (merged with the additional metadata): the one among the classpath's
 * that declares the {@code idempotent-migrations} group.
 */
record GeneratedMetadata(Map<String, Map<String, Object>> properties, Map<String, Map<String, Object>> hints) {

	static final String PREFIX = "idempotent-migrations";

	private static final String LOCATION = "META-INF/spring-configuration-metadata.json";

	static GeneratedMetadata load() {
		List<Map<String, Object>> ours = new ArrayList<>();
		try {
			for (URL url : Collections.list(GeneratedMetadata.class.getClassLoader().getResources(LOCATION))) {
				Map<String, Object> metadata = parse(url);
				if (byName(metadata, "groups").containsKey(PREFIX)) {
					ours.add(metadata);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		assertThat(ours).as("metadata declaring the '%s' group", PREFIX).hasSize(1);
		return new GeneratedMetadata(byName(ours.get(0), "properties"), byName(ours.get(0), "hints"));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Map<String, Object>> byName(Map<String, Object> metadata, String section) {
		List<Map<String, Object>> entries = (List<Map<String, Object>>) metadata.getOrDefault(section, List.of());
		return entries.stream().collect(Collectors.toMap((entry) -> (String) entry.get("name"), Function.identity()));
	}

	private static Map<String, Object> parse(URL url) throws IOException {
		try (InputStream in = url.openStream()) {
			return JsonParserFactory.getJsonParser().parseMap(StreamUtils.copyToString(in, StandardCharsets.UTF_8));
		}
	}
}
