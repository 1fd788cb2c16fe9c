package io.github.idempotentmigrations.actuate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The starter's own version, written into a resource by the build. */
final class StarterVersion {

	static final String RESOURCE = "META-INF/idempotent-migrations/build.properties";

	private StarterVersion() {
	}

	static String get() {
		try (InputStream in = StarterVersion.class.getClassLoader().getResourceAsStream(RESOURCE)) {
			if (in == null) {
				return "unknown";
			}
			Properties properties = new Properties();
			properties.load(in);
			return properties.getProperty("version", "unknown");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
