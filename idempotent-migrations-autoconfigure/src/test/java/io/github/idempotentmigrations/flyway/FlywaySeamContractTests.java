package io.github.idempotentmigrations.flyway;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.idempotentmigrations.engine.EngineSettings;
import io.github.idempotentmigrations.engine.report.MigrationResult;
import io.github.idempotentmigrations.engine.report.StatementResult;
import io.github.idempotentmigrations.engine.sql.StatementKind;
import io.github.idempotentmigrations.testsupport.PostgresDatabaseExtension;
import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pins the Flyway behaviour the starter stands on: the statement callback sees every
 * statement after placeholder replacement, on the migration's connection; blocking
 * Flyway's own execution still records a successful history row with the checksum plain
 * Flyway computes; COPY FROM STDIN still streams its data.
 */
@ExtendWith(PostgresDatabaseExtension.class)
class FlywaySeamContractTests {

	@Test
	void everyStatementReachesTheEngineAndHistoryMatchesPlainFlyway(TestDatabase starter) {
		MigrationRunTracker runs = new MigrationRunTracker(EngineSettings.defaults());
		Flyway flyway = withEngine(configure(starter), runs);
		flyway.migrate();

		List<MigrationResult> results = runs.lastResults();
		assertThat(results).extracting(MigrationResult::version).containsExactly("1", "2");
		List<StatementResult> v2 = results.get(1).statements();
		assertThat(v2).extracting(StatementResult::kind)
			.containsExactly(StatementKind.ALTER_TABLE, StatementKind.CREATE_INDEX, StatementKind.CREATE_INDEX,
					StatementKind.INSERT, StatementKind.COPY);
		assertThat(results.get(0).statements().get(0).sql()).contains("DEFAULT 'support'").doesNotContain("${owner}");
		assertThat(count(starter, "SELECT count(*) FROM messages")).isEqualTo(2);
		assertThat(count(starter, "SELECT count(*) FROM chats")).isEqualTo(1);

		try (TestDatabase plain = TestDatabase.create()) {
			Flyway plainFlyway = configure(plain).load();
			plainFlyway.migrate();
			assertThat(checksums(flyway)).isEqualTo(checksums(plainFlyway));
			assertThat(flyway.info().all()).allMatch((i) -> i.getState() == MigrationState.SUCCESS);
			// each database validates cleanly with the other side's configuration
			assertThat(configure(starter).load().validateWithResult().validationSuccessful).isTrue();
			assertThat(withEngine(configure(plain), runs).validateWithResult().validationSuccessful).isTrue();
		}
	}

	@Test
	void restartAfterHistoryLossRunsNoStatementKeepsRowsAndRestoresTheHistory(TestDatabase database) {
		MigrationRunTracker runs = new MigrationRunTracker(EngineSettings.defaults());
		withEngine(configure(database), runs).migrate();
		List<Integer> checksums = checksums(configure(database).load());
		database.execute("DROP TABLE flyway_schema_history");

		MigratingApplication
			.on(database, "unused", "spring.flyway.locations=classpath:seam/v1",
					"spring.flyway.placeholders.owner=support")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(MigrationReportStore.class).last().orElseThrow().migrations()).isEmpty();
			});

		assertThat(count(database, "SELECT count(*) FROM messages")).isEqualTo(2);
		assertThat(count(database, "SELECT count(*) FROM chats")).isEqualTo(1);
		assertThat(checksums(configure(database).load())).isEqualTo(checksums);
		assertThat(configure(database).load().validateWithResult().validationSuccessful).isTrue();
	}

	static org.flywaydb.core.api.configuration.FluentConfiguration configure(TestDatabase database) {
		return Flyway.configure()
			.dataSource(database.jdbcUrl(), database.user(), database.password())
			.locations("classpath:seam/v1")
			.placeholders(Map.of("owner", "support"));
	}

	static Flyway withEngine(org.flywaydb.core.api.configuration.FluentConfiguration configuration,
			MigrationRunTracker runs) {
		configuration.callbacks(new IdempotentStatementCallback(runs));
		configuration.getPluginRegister().getExact(PostgreSQLConfigurationExtension.class).setTransactionalLock(false);
		return configuration.load();
	}

	private static List<Integer> checksums(Flyway flyway) {
		List<Integer> checksums = new ArrayList<>();
		for (MigrationInfo info : flyway.info().applied()) {
			checksums.add(info.getChecksum());
		}
		return checksums;
	}

	private static long count(TestDatabase database, String sql) {
		try (Connection connection = database.connect();
				ResultSet rs = connection.createStatement().executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
