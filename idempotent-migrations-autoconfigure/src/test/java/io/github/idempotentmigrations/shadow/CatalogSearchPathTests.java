package io.github.idempotentmigrations.shadow;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Snapshot work fails inside a caller's transaction: the failure that aborted it is the
 * one thrown, not the one putting the session's settings back then meets.
 */
class CatalogSearchPathTests {

	@Test
	void aFailureInsideACallersTransactionIsNotHiddenByPuttingTheSettingsBack() throws SQLException {
		try (TestDatabase database = TestDatabase.create(); Connection connection = database.connect()) {
			connection.setAutoCommit(false);
			assertThatExceptionOfType(SQLException.class)
				.isThrownBy(() -> CatalogSearchPath.with(connection, List.of("public"), () -> {
					try (Statement statement = connection.createStatement()) {
						return statement.execute("SELECT 1 / 0");
					}
				}))
				.withMessageContaining("division by zero")
				.satisfies((ex) -> assertThat(ex.getSuppressed()).isNotEmpty());
			connection.rollback();
		}
	}

	@Test
	void theSessionsSearchPathAndNarrowingComeBackAfterTheWork() throws SQLException {
		try (TestDatabase database = TestDatabase.create();
				Connection connection = database.connect();
				Statement statement = connection.createStatement()) {
			statement.execute("SET search_path = public");
			CatalogSearchPath.with(connection, List.of("public"), () -> statement.execute("SELECT 1"));
			try (var rs = statement.executeQuery("SELECT current_setting('search_path')," + " current_setting('"
					+ SnapshotQueries.SCHEMAS_SETTING + "')")) {
				rs.next();
				assertThat(rs.getString(1)).isEqualTo("public");
				assertThat(rs.getString(2)).isEmpty();
			}
		}
	}

}
