package io.github.idempotentmigrations.flyway;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import io.github.idempotentmigrations.engine.ConflictPolicy;
import io.github.idempotentmigrations.engine.report.RepairAction;
import io.github.idempotentmigrations.shadow.ExpectedSchema;
import io.github.idempotentmigrations.shadow.SchemaDiff;
import io.github.idempotentmigrations.shadow.SchemaObject;
import io.github.idempotentmigrations.shadow.SchemaSnapshot;
import io.github.idempotentmigrations.shadow.ShadowAdoption;
import io.github.idempotentmigrations.shadow.ShadowDatabase;
import io.github.idempotentmigrations.shadow.ShadowUnavailableException;
import io.github.idempotentmigrations.shadow.Transaction;
import io.github.idempotentmigrations.shadow.UnreadObjects;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * Adopts a non-empty schema that has no Flyway history, without running a single
 * migration statement against it: plain Flyway builds the expected schema on a shadow
 * database, what is missing here is created from the shadow's definitions (tables with
 * the rows the migrations put in them), and the history is copied as plain Flyway wrote
 * it. Objects that differ are conflicts; nothing that exists is dropped or altered. All
 * of it is one transaction: a failed adoption leaves schema, rows and history as they
 * were.
 */
final class HistoryAdoption {

	private static final String NO_SHADOW = "The schema has objects but no Flyway history. It is adopted by running"
			+ " the migrations on an empty shadow database and comparing, and there is none: ";

	private static final String BASELINE = "the schema yourself (spring.flyway.baseline-on-migrate=true with"
			+ " spring.flyway.baseline-version set to the version it is at)";

	private static final String SET_OR_BASELINE = " set idempotent-migrations.shadow.url (with .username and"
			+ " .password) to an empty database reserved for it, or baseline " + BASELINE;

	private static final String UNREAD = "The schema has objects but no Flyway history, and the migrations build"
			+ " objects of kinds adoption does not compare, so it cannot tell whether they are here; nothing was"
			+ " changed:\n   - ";

	private final ShadowConnections shadows;

	private final ConflictPolicy onConflict;

	HistoryAdoption(ShadowSettings shadow, ConflictPolicy onConflict) {
		this.shadows = new ShadowConnections(shadow, "adopt the schema without history");
		this.onConflict = onConflict;
	}

	/** Adopts the schema; returns the expected schema the shadow built. */
	SchemaSnapshot adopt(Flyway flyway, Connection session, MigratedSchemas schemas, StartupReport report)
			throws SQLException {
		ExpectedSchema.notSqlOnly(flyway.getConfiguration(), flyway.info().all(), flyway.getConfiguration().getTarget())
			.ifPresent((reason) -> {
				throw report.fail(
						"The schema has objects but no Flyway history, and it is adopted by running the"
								+ " migrations on an empty shadow database: " + reason + ". Baseline " + BASELINE,
						null);
			});
		try (ShadowDatabase shadow = openShadow(flyway, session, report)) {
			buildExpectedSchema(flyway, shadow, report);
			List<String> unread = UnreadObjects.of(shadow.connection());
			if (!unread.isEmpty()) {
				throw report.fail(UNREAD + String.join("\n   - ", unread) + "\n   Baseline " + BASELINE
						+ ", once you have checked that these objects are here", null);
			}
			ShadowAdoption adoption = new ShadowAdoption(shadow.connection(), session);
			SchemaSnapshot expected = shadow.expectedSchema(schemas.names());
			List<String> done = Transaction.run(session, () -> {
				SchemaDiff diff = adoption.diff(expected, schemas.names());
				reportExtraAndConflicts(diff, report);
				List<String> created = adoption.fill(diff);
				adoption.copyRowsIntoEmpty(schemas.qualifiedHistoryTable());
				return created;
			});
			report.repaired(RepairAction.Kind.UNHISTORIED_SCHEMA, String.join(", ", schemas
				.names()), "adopted through the " + shadow.description()
						+ " without running any migration statement here (existing objects and their rows untouched); "
						+ (done.isEmpty() ? "nothing was missing" : String.join("; ", done))
						+ "; history written as plain Flyway wrote it on the shadow");
			return adoption.expected();
		}
	}

	private ShadowDatabase openShadow(Flyway flyway, Connection session, StartupReport report) throws SQLException {
		try {
			return this.shadows.open(flyway.getConfiguration().getDataSource(), session);
		}
		catch (ShadowUnavailableException ex) {
			throw report.fail(NO_SHADOW + ex.getMessage() + ". Either let the role create one (ALTER ROLE " + ex.role()
					+ " CREATEDB), or" + SET_OR_BASELINE, ex);
		}
		catch (IllegalStateException ex) {
			throw report.fail(NO_SHADOW + CredentialMasker.mask(ex.getMessage()) + ". Either" + SET_OR_BASELINE, ex);
		}
	}

	/**
	 * Plain Flyway from empty on the shadow; a migration that fails there fails on any
	 * new database too.
	 */
	private static void buildExpectedSchema(Flyway flyway, ShadowDatabase shadow, StartupReport report) {
		try {
			ExpectedSchema.build(flyway.getConfiguration(), shadow.dataSource());
		}
		catch (FlywayException ex) {
			throw report.fail("The schema has objects but no Flyway history, and the migrations do not run on an"
					+ " empty database (plain Flyway on the " + shadow.description() + "), so there is no expected"
					+ " schema to adopt it by: " + CredentialMasker.mask(ex.getMessage()), ex);
		}
	}

	private void reportExtraAndConflicts(SchemaDiff diff, StartupReport report) {
		for (SchemaObject extra : diff.extra()) {
			report.warn("Adoption: " + extra.describe() + " is not built by the migrations; left as is");
		}
		for (SchemaDiff.Difference difference : diff.different()) {
			if (this.onConflict == ConflictPolicy.FAIL) {
				report.problem("CONFLICT: " + difference.describe());
			}
			else {
				report.warn("CONFLICT left as is (on-conflict=warn): " + difference.describe());
			}
		}
		report.failOnProblems("Adoption of the schema without history stopped before changing anything (schema,"
				+ " rows and history are as they were). Make these objects match the migrations, or set"
				+ " idempotent-migrations.on-conflict=warn to adopt the schema with them as they are");
	}

}
