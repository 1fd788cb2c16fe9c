package io.github.idempotentmigrations.flyway;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import io.github.idempotentmigrations.engine.StopReason;
import io.github.idempotentmigrations.engine.report.RepairAction;
import io.github.idempotentmigrations.shadow.ExpectedSchema;
import io.github.idempotentmigrations.shadow.SchemaDiff;
import io.github.idempotentmigrations.shadow.SchemaObject;
import io.github.idempotentmigrations.shadow.ShadowAdoption;
import io.github.idempotentmigrations.shadow.ShadowDatabase;
import io.github.idempotentmigrations.shadow.Transaction;
import io.github.idempotentmigrations.shadow.UnreadObjects;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;

/**
 * {@code repair.assume-applied}: a person states that pending migrations already ran here
 * (history rows lost to a restored dump, a migration applied by hand). The history is a
 * fact, so nothing else ever takes a pending migration as applied; this statement is
 * checked before it is written: plain Flyway builds the schema up to the newest named
 * version on a shadow, and the history rows are copied from there only when nothing it
 * builds is missing here or different. Rows the migrations change cannot be checked: they
 * are taken on the person's word, and the report says so. Once the rows exist the setting
 * has nothing to do.
 */
final class AssumedApplied {

	private static final String PROPERTY = "idempotent-migrations.repair.assume-applied";

	private final List<String> versions;

	private final ShadowConnections shadows;

	AssumedApplied(List<String> versions, ShadowSettings shadow) {
		this.versions = versions;
		this.shadows = new ShadowConnections(shadow, "check that the migrations repair.assume-applied names ran here");
	}

	/**
	 * Writes the history rows of the named pending migrations, or stops startup with
	 * nothing changed.
	 */
	void writeHistory(Flyway flyway, Connection session, MigratedSchemas schemas, StartupReport report)
			throws SQLException {
		if (this.versions.isEmpty()) {
			return;
		}
		MigrationInfo[] all = flyway.info().all();
		List<MigrationInfo> assumed = pendingNamed(all, report);
		if (assumed.isEmpty()) {
			return; // the rows exist: nothing left to do
		}
		MigrationVersion newest = assumed.get(assumed.size() - 1).getVersion();
		List<String> names = assumed.stream().map((m) -> m.getVersion().getVersion()).toList();
		String setting = PROPERTY + "=" + String.join(",", names);
		refuseGaps(all, newest, assumed, setting, report);
		ExpectedSchema.notSqlOnly(flyway.getConfiguration(), all, newest).ifPresent((reason) -> {
			throw report.fail(StopReason.REPAIR_SETTING,
					setting + " cannot be checked: " + reason + ". Nothing was written", null);
		});
		try (ShadowDatabase shadow = openShadow(flyway, session, setting, report)) {
			ExpectedSchema.build(flyway.getConfiguration(), shadow.dataSource(), newest);
			List<String> unread = UnreadObjects.of(shadow.connection());
			if (!unread.isEmpty()) {
				throw report.fail(StopReason.REPAIR_SETTING,
						setting + " cannot be checked: those migrations build objects of kinds the check does"
								+ " not compare, and nothing was written:\n   - " + String.join("\n   - ", unread)
								+ "\n   Remove the setting so that the migrations run",
						null);
			}
			SchemaDiff diff = SchemaDiff.against(shadow.expectedSchema(schemas.names()), session);
			refuseDifferences(diff, setting, shadow, report);
			diff.extra()
				.forEach((extra) -> report.warn(setting + ": " + extra.describe() + " is there and migrations up"
						+ " to " + newest + " do not build it; left to the pending migrations and drift"));
			Transaction.run(session, () -> new ShadowAdoption(shadow.connection(), session)
				.copyHistoryRows(schemas.qualifiedHistoryTable(), names));
			report.repaired(RepairAction.Kind.ASSUMED_APPLIED, String.join(", ", names), "history rows of migrations "
					+ String.join(", ", names) + " written as plain Flyway wrote them on the " + shadow.description()
					+ " (" + setting
					+ "): the schema here holds what they build; none of their statements ran, and the rows they"
					+ " change are taken on the setting's word");
		}
	}

	private ShadowDatabase openShadow(Flyway flyway, Connection session, String setting, StartupReport report) {
		try {
			return this.shadows.open(flyway.getConfiguration().getDataSource(), session);
		}
		catch (SQLException | RuntimeException ex) {
			throw report
				.fail(StopReason.REPAIR_SETTING, setting + " is checked on a shadow database, and there is none: "
						+ CredentialMasker.mask(String.valueOf(ex.getMessage())) + ". Nothing was written. Let the role"
						+ " create one (ALTER ROLE ... CREATEDB) or set idempotent-migrations.shadow.url to an empty"
						+ " database reserved for it", ex);
		}
	}

	/**
	 * The named versions that are pending, oldest first; a name no migration has stops
	 * startup.
	 */
	private List<MigrationInfo> pendingNamed(MigrationInfo[] all, StartupReport report) {
		List<MigrationInfo> assumed = new ArrayList<>();
		for (String name : this.versions) {
			MigrationVersion version = MigrationVersion.fromVersion(name.strip());
			MigrationInfo migration = Arrays.stream(all)
				.filter((m) -> version.equals(m.getVersion()))
				.findFirst()
				.orElseThrow(
						() -> report.fail(StopReason.REPAIR_SETTING,
								PROPERTY + " names version " + name.strip()
										+ ", which no migration in the configured locations has. Nothing was written",
								null));
			if (!migration.getState().isApplied()) {
				assumed.add(migration);
			}
		}
		assumed.sort(Comparator.comparing(MigrationInfo::getVersion));
		return assumed;
	}

	/**
	 * A pending migration below the newest named one and not named itself would be left
	 * out of the history.
	 */
	private static void refuseGaps(MigrationInfo[] all, MigrationVersion newest, List<MigrationInfo> assumed,
			String setting, StartupReport report) {
		Set<MigrationInfo> named = Set.copyOf(assumed);
		List<String> skipped = Arrays.stream(all)
			.filter((m) -> m.getVersion() != null && !m.getState().isApplied() && !named.contains(m)
					&& m.getVersion().compareTo(newest) < 0)
			.map(InspectionResult::label)
			.toList();
		if (!skipped.isEmpty()) {
			throw report.fail(StopReason.REPAIR_SETTING,
					setting + " leaves pending migration " + String.join(", ", skipped) + " below " + newest
							+ " out: a shadow at " + newest + " runs it too. Name it as well, or name only versions"
							+ " below it. Nothing was written",
					null);
		}
	}

	private static void refuseDifferences(SchemaDiff diff, String setting, ShadowDatabase shadow,
			StartupReport report) {
		List<String> differences = new ArrayList<>();
		diff.missingObjects().forEach((object) -> differences.add(missing(object)));
		diff.different().forEach((difference) -> differences.add(difference.describe()));
		if (!differences.isEmpty()) {
			throw report.fail(StopReason.REPAIR_SETTING,
					setting + ": the schema here does not hold what those migrations build (checked on the "
							+ shadow.description()
							+ "), so they are not taken as applied and nothing was written:\n   - "
							+ String.join("\n   - ", differences)
							+ "\n   Remove the setting to run them, or make the schema" + " match first",
					null);
		}
	}

	private static String missing(SchemaObject object) {
		return object.describe() + " is missing";
	}

}
