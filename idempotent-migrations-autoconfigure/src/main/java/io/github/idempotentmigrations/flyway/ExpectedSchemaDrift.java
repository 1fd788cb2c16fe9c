package io.github.idempotentmigrations.flyway;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

import io.github.idempotentmigrations.shadow.Drift;
import io.github.idempotentmigrations.shadow.SchemaDiff;
import io.github.idempotentmigrations.shadow.SchemaSnapshot;
import io.github.idempotentmigrations.shadow.Transaction;
import org.flywaydb.core.Flyway;

/**
 * For the live check: how the schema departs now from the expected schema stored for the
 * applied migrations.
 */
public final class ExpectedSchemaDrift {

	private ExpectedSchemaDrift() {
	}

	/**
	 * The drift, or empty when no expected schema is stored for these migrations (not
	 * recorded yet).
	 */
	public static Optional<List<Drift>> of(Flyway flyway, Connection connection) throws SQLException {
		MigratedSchemas schemas = MigratedSchemas.of(flyway.getConfiguration(), connection);
		Optional<SchemaSnapshot> expected = schemas.expectedSchema()
			.load(connection, AppliedMigrations.fingerprint(connection, schemas));
		if (expected.isEmpty()) {
			return Optional.empty();
		}
		// One transaction: one consistent view of the catalog, and the catalog
		// search_path never outlives it (a transaction-pooling proxy hands the session to
		// others between transactions).
		return Optional.of(Transaction.run(connection, () -> {
			try (Statement statement = connection.createStatement()) {
				statement.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
			}
			return Drift.of(SchemaDiff.against(expected.get(), connection));
		}));
	}

	/** Why {@link #of} found no expected schema to compare with, and what makes one. */
	public static String whyUnchecked(Flyway flyway, Connection connection) throws SQLException {
		MigratedSchemas schemas = MigratedSchemas.of(flyway.getConfiguration(), connection);
		Optional<String> unavailable = schemas.expectedSchema()
			.unavailable(connection, AppliedMigrations.fingerprint(connection, schemas));
		if (unavailable.isEmpty()) {
			return "no expected schema is recorded for the applied migrations yet: the next startup in migrate mode"
					+ " records it";
		}
		return "no expected schema could be built for the applied migrations (" + unavailable.get() + "): let the"
				+ " role create a temporary shadow database (ALTER ROLE " + connection.getMetaData().getUserName()
				+ " CREATEDB) or reserve an empty one as idempotent-migrations.shadow.url, then restart";
	}

}
