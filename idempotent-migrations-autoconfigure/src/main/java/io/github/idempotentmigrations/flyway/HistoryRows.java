package io.github.idempotentmigrations.flyway;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.jspecify.annotations.Nullable;

/**
 * The history table's rows as PostgreSQL holds them, in the order they were written: what
 * ran and how it ended. After migrating the starter reads these facts, not Flyway's
 * {@code info()} again, which also tests every migrated schema for emptiness by reading
 * the whole catalog (tens of milliseconds a schema once there are thousands of them).
 */
final class HistoryRows {

	private final List<Row> rows;

	private HistoryRows(List<Row> rows) {
		this.rows = rows;
	}

	/** The rows of the history of {@code schemas}; none when Flyway has not made it. */
	static HistoryRows read(Connection session, MigratedSchemas schemas) throws SQLException {
		List<Row> rows = new ArrayList<>();
		if (exists(session, schemas.qualifiedHistoryTable())) {
			try (PreparedStatement statement = session.prepareStatement("SELECT type, version, description, script,"
					+ " checksum, success FROM " + schemas.qualifiedHistoryTable() + " ORDER BY installed_rank");
					ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					rows.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
							(Integer) rs.getObject(5), rs.getBoolean(6)));
				}
			}
		}
		return new HistoryRows(rows);
	}

	private static boolean exists(Connection session, String table) throws SQLException {
		try (PreparedStatement statement = session.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
			statement.setString(1, table);
			try (ResultSet rs = statement.executeQuery()) {
				return rs.next() && rs.getBoolean(1);
			}
		}
	}

	/**
	 * The successful rows, as Flyway lists them as applied: but a versioned DELETE row
	 * (written by {@code repair()} for a migration whose script is gone), which only
	 * marks the row of its version deleted; Flyway still lists that one.
	 */
	List<Row> applied() {
		return this.rows.stream()
			.filter((row) -> row.success() && !(row.type().equals("DELETE") && row.version() != null))
			.toList();
	}

	List<Row> failed() {
		return this.rows.stream().filter((row) -> !row.success()).toList();
	}

	/**
	 * Whether {@code migration} is done: a successful row records it (a repeatable one
	 * with its current checksum), or a successful baseline at or above its version stands
	 * for it.
	 */
	boolean done(MigrationInfo migration) {
		return this.rows.stream()
			.filter(Row::success)
			.anyMatch((row) -> row.records(migration) || row.covers(migration));
	}

	/**
	 * Whether some row means more to Flyway than "this ran": a deletion or undo marker,
	 * which takes back what an earlier row recorded.
	 */
	boolean takesBack() {
		return this.rows.stream().anyMatch((row) -> row.type().equals("DELETE") || row.type().startsWith("UNDO"));
	}

	/** The highest version a successful row records; {@code null} when none does. */
	@Nullable String highestVersion() {
		return this.rows.stream()
			.filter((row) -> row.success() && row.version() != null)
			.map((row) -> MigrationVersion.fromVersion(row.version()))
			.max(MigrationVersion::compareTo)
			.map(MigrationVersion::getVersion)
			.orElse(null);
	}

	/** One history row. */
	record Row(String type, @Nullable String version, String description, @Nullable String script,
			@Nullable Integer checksum, boolean success) {

		private boolean records(MigrationInfo migration) {
			if (migration.getVersion() != null) {
				return this.version != null
						&& migration.getVersion().equals(MigrationVersion.fromVersion(this.version));
			}
			return this.version == null && Objects.equals(this.script, migration.getScript())
					&& Objects.equals(this.checksum, migration.getChecksum());
		}

		/** A baseline stands for every version up to its own. */
		private boolean covers(MigrationInfo migration) {
			return this.type.contains("BASELINE") && this.version != null && migration.getVersion() != null
					&& !migration.getVersion().isNewerThan(this.version);
		}

		/**
		 * The type as Flyway reads it: Flyway 5 and earlier wrote Spring JDBC migrations
		 * as SPRING_JDBC.
		 */
		String typeAsFlywayReadsIt() {
			return this.type.equals("SPRING_JDBC") ? "JDBC" : this.type;
		}

		String label() {
			return ((this.version != null) ? this.version : "repeatable") + " \"" + this.description + "\"";
		}

	}

}
