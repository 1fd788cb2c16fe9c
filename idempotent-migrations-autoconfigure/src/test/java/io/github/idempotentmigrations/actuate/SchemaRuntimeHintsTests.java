package io.github.idempotentmigrations.actuate;

import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaRuntimeHintsTests {

	@Test
	void theStarterVersionResourceIsIncludedInANativeImage() {
		RuntimeHints hints = new RuntimeHints();
		new SchemaRuntimeHints().registerHints(hints, getClass().getClassLoader());

		assertThat(getClass().getClassLoader().getResource(StarterVersion.RESOURCE)).isNotNull();
		assertThat(RuntimeHintsPredicates.resource().forResource(StarterVersion.RESOURCE)).accepts(hints);
	}

}
