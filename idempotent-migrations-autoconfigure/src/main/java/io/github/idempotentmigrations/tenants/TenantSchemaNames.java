package io.github.idempotentmigrations.tenants;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Checks each tenant schema name before anything migrates: one that is no name (NULL,
 * empty), that PostgreSQL would cut short (so that two tenants could share a schema),
 * that is padded (a {@code char(n)} column pads it, and a new schema would be made) or
 * that a health entry cannot carry ({@code /}) stops startup, naming where it came from.
 */
public final class TenantSchemaNames {

	// NAMEDATALEN - 1: PostgreSQL truncates longer identifiers
	private static final int LONGEST = 63;

	private TenantSchemaNames() {
	}

	/**
	 * Adds the names {@code source} gave ({@code idempotent-migrations.tenants.query}).
	 */
	public static void addChecked(Set<String> schemas, @Nullable Collection<@Nullable String> names, String source) {
		if (names == null) {
			throw new IllegalStateException(source + " gave no list of tenant schemas (null); nothing was migrated");
		}
		for (String name : names) {
			schemas.add(checked(name, source));
		}
	}

	private static String checked(@Nullable String name, String source) {
		String problem = problem(name);
		if (problem != null) {
			throw new IllegalStateException(source + " names a tenant schema " + problem
					+ "; nothing was migrated. Correct the name where it comes from");
		}
		return name;
	}

	private static @Nullable String problem(@Nullable String name) {
		if (name == null) {
			return "NULL";
		}
		if (name.isEmpty()) {
			return "with an empty name";
		}
		if (!name.strip().equals(name)) {
			return "'" + name + "' with spaces around it (a char(n) column pads names: cast it to text and trim)";
		}
		if (name.getBytes(StandardCharsets.UTF_8).length > LONGEST) {
			return "'" + name + "' longer than PostgreSQL's 63 bytes: PostgreSQL would cut it short";
		}
		if (name.contains("/")) {
			return "'" + name + "' with a '/', which an Actuator health entry cannot be named by";
		}
		return null;
	}

}
