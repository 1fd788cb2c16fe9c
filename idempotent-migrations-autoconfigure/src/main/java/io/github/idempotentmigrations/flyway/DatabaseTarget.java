package io.github.idempotentmigrations.flyway;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.BeanWrapperImpl;

/**
 * Where the database is, for messages: host, port and database name, never credentials.
 * Read from the JDBC URL of the DataSource (pools and drivers expose it as
 * {@code jdbcUrl} or {@code url}), as the DataSource may be unreachable when the message
 * is needed.
 */
record DatabaseTarget(String host, String port, String database) {

	// jdbc:postgresql://host[:port][,host2...]/database?params; user and password may sit
	// in the params, never shown.
	private static final Pattern POSTGRES_URL = Pattern
		.compile("jdbc:postgresql://([^/:,?]*)(?::(\\d+))?[^/?]*(?:/([^?;]*))?.*");

	private static final DatabaseTarget UNKNOWN = new DatabaseTarget("unknown host", "unknown port",
			"unknown database");

	static DatabaseTarget of(@Nullable DataSource dataSource) {
		return (dataSource != null) ? fromUrl(jdbcUrl(dataSource)) : UNKNOWN;
	}

	static DatabaseTarget fromUrl(@Nullable String jdbcUrl) {
		Matcher matcher = (jdbcUrl != null) ? POSTGRES_URL.matcher(jdbcUrl) : null;
		if (matcher == null || !matcher.matches()) {
			return UNKNOWN;
		}
		String host = matcher.group(1).isEmpty() ? "localhost" : matcher.group(1);
		String port = (matcher.group(2) != null) ? matcher.group(2) : "5432";
		String database = (matcher.group(3) != null && !matcher.group(3).isEmpty()) ? matcher.group(3) : "(default)";
		return new DatabaseTarget(host, port, database);
	}

	private static @Nullable String jdbcUrl(DataSource dataSource) {
		BeanWrapperImpl bean = new BeanWrapperImpl(dataSource);
		for (String property : new String[] { "jdbcUrl", "url" }) {
			if (bean.isReadableProperty(property) && bean.getPropertyValue(property) instanceof String url) {
				return url;
			}
		}
		return null;
	}

	@Override
	public String toString() {
		return "host " + this.host + ", port " + this.port + ", database " + this.database;
	}
}
