package io.github.idempotentmigrations.flyway;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

import io.github.idempotentmigrations.engine.report.RepairAction;
import org.flywaydb.core.api.MigrationInfo;

/**
 * Repairs Flyway's history table row by row, so each policy acts only on its own kind of
 * row (Flyway's {@code repair()} would also realign every checksum and mark every missing
 * migration deleted at once).
 */
final class HistoryRepairer {

	/**
	 * Removes the failed rows so Flyway runs those migrations again, through the engine.
	 */
	void removeFailedRows(Connection session, MigratedSchemas schemas, List<MigrationInfo> failed, StartupReport report)
			throws SQLException {
		String sql = "DELETE FROM " + schemas.qualifiedHistoryTable() + " WHERE installed_rank = ? AND NOT success";
		for (MigrationInfo migration : failed) {
			try (PreparedStatement statement = session.prepareStatement(sql)) {
				statement.setInt(1, migration.getInstalledRank());
				statement.executeUpdate();
			}
			report.repaired(RepairAction.Kind.FAILED_MIGRATION, InspectionResult.label(migration),
					"removed the failed history row; the migration runs again through the engine");
		}
	}

	/**
	 * Records the edited script's checksum and runs nothing: an applied script run again
	 * against today's schema would replay old statements over newer ones.
	 */
	void realign(Connection session, MigratedSchemas schemas, MigrationInfo migration, StartupReport report)
			throws SQLException {
		try (PreparedStatement statement = session.prepareStatement(
				"UPDATE " + schemas.qualifiedHistoryTable() + " SET checksum = ? WHERE installed_rank = ?")) {
			statement.setInt(1, migration.getResolvedChecksum());
			statement.setInt(2, migration.getInstalledRank());
			statement.executeUpdate();
		}
		report.repaired(RepairAction.Kind.CHECKSUM_MISMATCH, InspectionResult.label(migration),
				"recorded the edited script's checksum " + migration.getResolvedChecksum() + " (was "
						+ migration.getAppliedChecksum() + ") and ran nothing (checksum-mismatches=realign)");
	}

}
