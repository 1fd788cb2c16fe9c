package io.github.idempotentmigrations.flyway;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

import io.github.idempotentmigrations.engine.catalog.IndexBuilds;
import io.github.idempotentmigrations.flyway.InspectionResult.IndexRebuild;
import io.github.idempotentmigrations.flyway.InspectionResult.InvalidIndex;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;

/** Reads Flyway's history and the catalog without changing anything. */
final class DatabaseInspector {

	// Flyway's own emptiness test for PostgreSQL (PostgreSQLSchema.doEmpty), over every
	// migrated schema: tables, views, sequences, types but arrays and row types,
	// routines; members of an extension do not count (a pgcrypto a DBA installed leaves
	// the schema empty), nor do the starter's bookkeeping tables beside the history.
	private static final String SCHEMA_HAS_OBJECTS = """
			SELECT EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
			               LEFT JOIN pg_depend d ON d.objid = c.oid AND d.deptype = 'e'
			               WHERE n.nspname = ANY (?) AND d.objid IS NULL AND c.relkind IN ('r', 'v', 'S', 't')
			                 AND NOT (n.nspname = ? AND c.relname IN (?, ? || '_expected', ? || '_statements')))
			    OR EXISTS (SELECT 1 FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
			               LEFT JOIN pg_depend d ON d.objid = t.oid AND d.deptype = 'e'
			               WHERE n.nspname = ANY (?) AND d.objid IS NULL AND t.typcategory NOT IN ('A', 'C'))
			    OR EXISTS (SELECT 1 FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
			               LEFT JOIN pg_depend d ON d.objid = p.oid AND d.deptype = 'e'
			               WHERE n.nspname = ANY (?) AND d.objid IS NULL)
			""";

	// An index being built concurrently right now is INVALID too: it is left to the
	// session building it, and said apart. Reached through the tables of the schemas
	// (every table records a dependency on its schema; pg_index is indexed by table), not
	// by reading every index of the database: with many tenant schemas, those are many.
	private static final String INVALID_INDEXES = """
			SELECT n.nspname, i.relname, t.relname,
			""" + IndexBuilds.BUILDING_X_ELSEWHERE + """
			FROM pg_index x
			JOIN pg_class i ON i.oid = x.indexrelid
			JOIN pg_class t ON t.oid = x.indrelid
			JOIN pg_namespace n ON n.oid = i.relnamespace
			WHERE NOT x.indisvalid AND n.nspname = ANY (?)
			  AND x.indrelid IN (SELECT d.objid FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
			      AND d.refclassid = 'pg_namespace'::regclass
			      AND d.refobjid IN (SELECT oid FROM pg_namespace WHERE nspname = ANY (?)))
			ORDER BY n.nspname, i.relname
			""";

	/**
	 * What the history and the catalog say before a run: applied, failed, changed,
	 * missing and pending migrations, and INVALID indexes.
	 * @param userBaseline whether the user's Flyway baselines a non-empty schema without
	 * history itself ({@code baseline-on-migrate})
	 * @param failedRunAgain whether the failed migrations run again (their rows are
	 * removed), so the indexes they create are theirs to rebuild
	 * @param scripts where the statements of the migrations about to run are read from
	 */
	InspectionResult inspect(MigrationInfoService info, boolean userBaseline, boolean failedRunAgain,
			Connection connection, MigratedSchemas schemas, PendingScripts scripts) throws SQLException {
		MigrationInfo[] all = info.all();
		List<MigrationInfo> failed = select(all, (m) -> m.getState().isFailed() && m.isApplied());
		List<MigrationInfo> pending = select(all,
				(m) -> m.getState() == MigrationState.PENDING || m.getState() == MigrationState.OUTDATED);
		InvalidIndexes invalidNow = invalidIndexes(connection, schemas);
		List<InvalidIndex> invalid = invalidNow.leftovers();
		List<MigrationInfo> toRun = new ArrayList<>(failedRunAgain ? failed : List.of());
		toRun.addAll(pending);
		List<IndexRebuild> rebuilt = rebuilds(invalid, toRun, schemas, scripts);
		List<InvalidIndex> others = invalid.stream()
			.filter((index) -> rebuilt.stream().noneMatch((rebuild) -> rebuild.index().equals(index)))
			.toList();
		boolean historyHasRows = Arrays.stream(all).anyMatch(MigrationInfo::isApplied);
		// The emptiness test scans the whole catalog (no index by schema): a restart,
		// with history, skips it.
		return new InspectionResult(historyHasRows, userBaseline,
				!historyHasRows && schemaHasObjects(connection, schemas), failed,
				select(all, DatabaseInspector::checksumChanged), select(all, DatabaseInspector::missing), pending,
				others, rebuilt, invalidNow.beingBuilt());
	}

	/**
	 * The INVALID indexes a migration about to run creates, each with the first such
	 * migration.
	 */
	private static List<IndexRebuild> rebuilds(List<InvalidIndex> invalid, List<MigrationInfo> toRun,
			MigratedSchemas schemas, PendingScripts scripts) {
		if (invalid.isEmpty() || toRun.isEmpty()) {
			return List.of(); // the common restart reads no script
		}
		UpcomingIndexes upcoming = UpcomingIndexes.of(scripts, toRun, schemas.historySchema());
		List<IndexRebuild> rebuilt = new ArrayList<>();
		invalid.forEach((index) -> upcoming.builderOf(index)
			.ifPresent((migration) -> rebuilt.add(new IndexRebuild(index, migration))));
		return List.copyOf(rebuilt);
	}

	/** The INVALID indexes of the schemas now. */
	InvalidIndexes invalidIndexes(Connection connection, MigratedSchemas schemas) throws SQLException {
		List<InvalidIndex> leftovers = new ArrayList<>();
		List<InvalidIndex> beingBuilt = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement(INVALID_INDEXES)) {
			Array names = names(connection, schemas);
			statement.setArray(1, names);
			statement.setArray(2, names);
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					InvalidIndex index = new InvalidIndex(rs.getString(1), rs.getString(2), rs.getString(3));
					(rs.getBoolean(4) ? beingBuilt : leftovers).add(index);
				}
			}
		}
		return new InvalidIndexes(leftovers, beingBuilt);
	}

	/**
	 * Applied but no longer resolved; Flyway calls it FUTURE when it is above the newest
	 * resolved version.
	 */
	private static boolean missing(MigrationInfo migration) {
		return migration.getState() == MigrationState.MISSING_SUCCESS
				|| migration.getState() == MigrationState.FUTURE_SUCCESS;
	}

	/** A versioned migration that succeeded once and whose script has changed since. */
	private static boolean checksumChanged(MigrationInfo migration) {
		return migration.isVersioned() && migration.getState() == MigrationState.SUCCESS
				&& migration.getResolvedChecksum() != null
				&& !Objects.equals(migration.getAppliedChecksum(), migration.getResolvedChecksum());
	}

	static boolean schemaHasObjects(Connection connection, MigratedSchemas schemas) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(SCHEMA_HAS_OBJECTS)) {
			Array names = names(connection, schemas);
			statement.setArray(1, names);
			statement.setString(2, schemas.historySchema());
			statement.setString(3, schemas.historyTable());
			statement.setString(4, schemas.historyTable());
			statement.setString(5, schemas.historyTable());
			statement.setArray(6, names);
			statement.setArray(7, names);
			try (ResultSet rs = statement.executeQuery()) {
				rs.next();
				return rs.getBoolean(1);
			}
		}
	}

	private static Array names(Connection connection, MigratedSchemas schemas) throws SQLException {
		return connection.createArrayOf("text", schemas.names().toArray());
	}

	private static List<MigrationInfo> select(MigrationInfo[] migrations, Predicate<MigrationInfo> filter) {
		return Arrays.stream(migrations).filter(filter).toList();
	}

	/**
	 * INVALID indexes: those left by a build that failed or was killed, and those another
	 * session is building right now.
	 */
	record InvalidIndexes(List<InvalidIndex> leftovers, List<InvalidIndex> beingBuilt) {
	}

}
