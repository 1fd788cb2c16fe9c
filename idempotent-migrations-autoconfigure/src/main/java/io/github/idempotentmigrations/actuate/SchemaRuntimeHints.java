package io.github.idempotentmigrations.actuate;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * What the Actuator contributions read at runtime beyond what Spring's AOT processing
 * finds on its own: the resource with the starter's version. (Endpoint responses,
 * configuration properties and {@code spring.factories} entries are registered by Spring
 * itself.)
 */
public class SchemaRuntimeHints implements RuntimeHintsRegistrar {

	@Override
	public void registerHints(RuntimeHints hints, ClassLoader classLoader) {
		hints.resources().registerPattern(StarterVersion.RESOURCE);
	}

}
