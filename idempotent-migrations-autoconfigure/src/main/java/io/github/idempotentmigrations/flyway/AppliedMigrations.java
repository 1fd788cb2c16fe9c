package io.github.idempotentmigrations.flyway;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;

/**
 * What the history says ran, as one fingerprint: the key of the expected schema stored
 * beside it.
 */
final class AppliedMigrations {

	private AppliedMigrations() {
	}

	/**
	 * How the expected schema is described; raised when the snapshot's definitions
	 * change, so a stored expected schema of another format is taken as not recorded
	 * rather than as drift.
	 */
	private static final int FORMAT = 1;

	/**
	 * Type, version, description and checksum of every history row Flyway lists as
	 * applied and not failed, in the order they were written, hashed with the snapshot
	 * format and the server's major version (PostgreSQL prints definitions differently
	 * across majors, e.g. after pg_upgrade). Read from the rows themselves: the same key
	 * Flyway's list of applied migrations gives, without asking Flyway.
	 */
	static String fingerprint(Connection session, MigratedSchemas schemas) throws SQLException {
		return fingerprint(HistoryRows.read(session, schemas), session);
	}

	static String fingerprint(HistoryRows history, Connection connection) throws SQLException {
		MessageDigest digest = sha256();
		digest.update(("format " + FORMAT + ", PostgreSQL " + connection.getMetaData().getDatabaseMajorVersion() + "\n")
			.getBytes(StandardCharsets.UTF_8));
		for (HistoryRows.Row row : history.applied()) {
			digest.update((row.typeAsFlywayReadsIt() + "|" + row.version() + "|" + row.description() + "|"
					+ row.checksum() + "\n")
				.getBytes(StandardCharsets.UTF_8));
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform has SHA-256", ex);
		}
	}

}
