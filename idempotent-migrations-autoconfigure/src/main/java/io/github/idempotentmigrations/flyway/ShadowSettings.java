package io.github.idempotentmigrations.flyway;

import org.jspecify.annotations.Nullable;

/**
 * Where adoption builds the expected schema, from the
 * {@code idempotent-migrations.shadow.*} properties.
 *
 * @param url JDBC URL of a database reserved for the shadow, or {@code null} for a
 * temporary database on the application's server
 * @param username user for {@code url}
 * @param password password for {@code url}
 */
public record ShadowSettings(@Nullable String url, @Nullable String username, @Nullable String password) {

	/** No reserved database: a temporary one on the application's server. */
	public static ShadowSettings temporary() {
		return new ShadowSettings(null, null, null);
	}
}
