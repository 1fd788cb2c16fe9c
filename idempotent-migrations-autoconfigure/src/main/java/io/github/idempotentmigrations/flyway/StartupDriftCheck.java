package io.github.idempotentmigrations.flyway;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.github.idempotentmigrations.engine.StopReason;
import io.github.idempotentmigrations.engine.report.RepairAction;
import io.github.idempotentmigrations.shadow.Drift;
import io.github.idempotentmigrations.shadow.DriftRepair;
import io.github.idempotentmigrations.shadow.SchemaDiff;
import io.github.idempotentmigrations.shadow.SchemaSnapshot;
import io.github.idempotentmigrations.shadow.Transaction;

/**
 * At startup, the live schema against the expected schema stored for the applied
 * migrations (drift since the last run: an object dropped or changed by hand).
 * {@code repair.drift} decides: {@code fail} stops before anything changes;
 * {@code repair} re-creates what is missing from the expected definitions (never altering
 * what exists); {@code warn} reports. Extra objects are only reported.
 */
final class StartupDriftCheck {

	private final DriftPolicy policy;

	StartupDriftCheck(DriftPolicy policy) {
		this.policy = policy;
	}

	/**
	 * Compares and acts by policy; returns whether the live schema is now exactly the
	 * expected one.
	 * @param mayChange false in validate mode: nothing is repaired, only reported
	 */
	boolean check(Connection session, SchemaSnapshot expected, boolean mayChange, StartupReport report)
			throws SQLException {
		return check(session, expected, mayChange, false, report);
	}

	/**
	 * As {@link #check}, before pending migrations run: what is only warned about is left
	 * to {@link #warnAfterMigrating}, since a pending migration may build or change the
	 * very object (a column added by hand as a hot-fix, then by the release). Returns
	 * whether warnings were left.
	 */
	boolean checkBeforeMigrating(Connection session, SchemaSnapshot expected, StartupReport report)
			throws SQLException {
		return !check(session, expected, true, true, report);
	}

	/**
	 * Warns of the drift against the expected schema stored for what is applied now, if
	 * one is.
	 */
	void warnAfterMigrating(Connection session, MigratedSchemas schemas, String appliedNow, StartupReport report)
			throws SQLException {
		Optional<SchemaSnapshot> expected = schemas.expectedSchema().load(session, appliedNow);
		if (expected.isPresent()) {
			Drift.of(SchemaDiff.against(expected.get(), session)).forEach((item) -> report.warn(leftAsIs(item)));
		}
	}

	private String leftAsIs(Drift item) {
		if (!item.departs()) {
			return "Drift: " + item.describe() + "; left as is";
		}
		return "Drift: " + item.describe() + "; left as is (" + property() + "="
				+ this.policy.name().toLowerCase(Locale.ROOT)
				+ ((this.policy != DriftPolicy.REPAIR) ? "" : ": an existing object is never altered") + ")";
	}

	private boolean check(Connection session, SchemaSnapshot expected, boolean mayChange, boolean warnLater,
			StartupReport report) throws SQLException {
		SchemaDiff diff = SchemaDiff.against(expected, session);
		List<Drift> drift = Drift.of(diff);
		boolean repair = mayChange && this.policy == DriftPolicy.REPAIR;
		for (Drift item : drift) {
			if (repair && recreated(item)) {
				continue; // re-created below, once nothing stops startup
			}
			if (item.departs()
					&& (this.policy == DriftPolicy.FAIL || (!mayChange && this.policy == DriftPolicy.REPAIR))) {
				report.problem(StopReason.REPAIR_SETTING,
						"Drift: " + item.describe() + ". Startup stops because " + property() + "=fail.");
			}
			else if (!warnLater) {
				report.warn(leftAsIs(item));
			}
		}
		report.failOnProblems("Startup stopped before changing anything: the schema departs from what the applied"
				+ " migrations build. Put the objects back as the migrations describe them (or add a migration that"
				+ " changes them), set " + property() + "=repair to re-create missing objects from their expected"
				+ " definitions, or set it to warn to start with the schema as it is");
		if (repair && !diff.missing().isEmpty()) {
			recreate(session, diff, report);
		}
		return drift.stream().allMatch((item) -> repair && recreated(item));
	}

	private static boolean recreated(Drift item) {
		return item.problem() == Drift.Problem.MISSING && item.kind().recreatedByDriftRepair();
	}

	/**
	 * A re-creation PostgreSQL refuses (rows that break a constraint, say) rolls back and
	 * is reported, not fatal.
	 */
	private static void recreate(Connection session, SchemaDiff diff, StartupReport report) throws SQLException {
		List<String> done;
		try {
			done = Transaction.run(session, () -> DriftRepair.recreate(session, diff.missing()));
		}
		catch (SQLException ex) {
			report.warn("Drift: missing objects were not re-created (nothing was changed): " + ex.getMessage());
			return;
		}
		done.forEach((action) -> report.repaired(RepairAction.Kind.DRIFT, action.substring(action.indexOf(' ') + 1),
				action + " from the expected schema (a table comes back empty)"));
	}

	private static String property() {
		return Finding.Kind.DRIFT.property();
	}

}
