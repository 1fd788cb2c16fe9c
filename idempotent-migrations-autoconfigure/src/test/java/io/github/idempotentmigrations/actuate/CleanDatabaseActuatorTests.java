package io.github.idempotentmigrations.actuate;

import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.DocumentContext;
import io.github.idempotentmigrations.testsupport.TestDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The schema endpoints over HTTP after migrating an empty database. */
class CleanDatabaseActuatorTests extends ActuatorHttpTestSupport {

	private static final TestDatabase database = TestDatabase.create();

	@DynamicPropertySource
	static void dataSource(DynamicPropertyRegistry registry) {
		database.addDataSourceProperties(registry::add);
	}

	@AfterAll
	static void dropDatabase() {
		database.close();
	}

	@Test
	void healthIsUpWithTheConvergedDetails() throws Exception {
		DocumentContext health = get("/actuator/health/schema");

		assertThat(health.read("$.status", String.class)).isEqualTo("UP");
		assertThat(health.read("$.details.state", String.class)).isEqualTo("CONVERGED");
		assertThat(health.read("$.details.currentVersion", String.class)).isEqualTo("2");
		assertThat(health.read("$.details.pending", Integer.class)).isZero();
		assertThat(health.read("$.details.failed", Integer.class)).isZero();
		assertThat(health.read("$.details.conflicts", List.class)).isEmpty();
		assertThat(health.read("$.details.drift", List.class)).isEmpty();
		assertThat(health.read("$.details.problems", List.class)).isEmpty();
		assertThat(health.read("$.details.checkedAt", String.class)).isNotBlank();
		assertThat(status("/actuator/health/schema")).isEqualTo(200);
	}

	@Test
	void infoShowsVersionCountsLastRunAndStarterVersion() throws Exception {
		DocumentContext info = get("/actuator/info");

		assertThat(info.read("$.schema.currentVersion", String.class)).isEqualTo("2");
		assertThat(info.read("$.schema.appliedMigrations", Integer.class)).isEqualTo(2);
		assertThat(info.read("$.schema.pendingMigrations", Integer.class)).isZero();
		assertThat(info.read("$.schema.lastRun.startedAt", String.class)).isNotBlank();
		assertThat(info.read("$.schema.lastRun.durationMs", Long.class)).isNotNegative();
		assertThat(info.read("$.schema.lastRun.converged", Boolean.class)).isTrue();
		assertThat(info.read("$.schema.lastRun.statements", Map.class)).containsEntry("applied", 3)
			.containsEntry("skipped", 0)
			.containsEntry("reconciled", 0)
			.containsEntry("conflict", 0)
			.containsEntry("failed", 0);
		assertThat(info.read("$.schema.starterVersion", String.class)).isEqualTo("0.1.0-SNAPSHOT");
	}

	@Test
	void endpointShowsTheStatusAndEveryStatementOfTheLastRun() throws Exception {
		DocumentContext schema = get("/actuator/schema");

		assertThat(schema.read("$.status.state", String.class)).isEqualTo("CONVERGED");
		assertThat(schema.read("$.status.currentVersion", String.class)).isEqualTo("2");
		assertThat(schema.read("$.status.appliedMigrations", Integer.class)).isEqualTo(2);
		assertThat(schema.read("$.status.pendingMigrations", Integer.class)).isZero();
		assertThat(schema.read("$.status.failedMigrations", Integer.class)).isZero();
		assertThat(schema.read("$.status.drift", List.class)).isEmpty();
		assertThat(schema.read("$.lastRun.mode", String.class)).isEqualTo("MIGRATE");
		assertThat(schema.read("$.lastRun.schemaVersion", String.class)).isEqualTo("2");
		assertThat(schema.read("$.lastRun.converged", Boolean.class)).isTrue();
		assertThat(schema.read("$.lastRun.statements.applied", Integer.class)).isEqualTo(3);
		assertThat(schema.read("$.lastRun.repairs", List.class)).isEmpty();
		assertThat(schema.read("$.lastRun.problems", List.class)).isEmpty();
		assertThat(schema.read("$.lastRun.migrations[*].version", List.class)).containsExactly("1", "2");
		assertThat(schema.read("$.lastRun.migrations[0].description", String.class)).isEqualTo("create chats");
		assertThat(schema.read("$.lastRun.migrations[0].script", String.class)).isEqualTo("V1__create_chats.sql");
		assertThat(schema.read("$.lastRun.migrations[0].statementTotals.applied", Integer.class)).isEqualTo(2);
		assertThat(schema.read("$.lastRun.migrations[0].statements[*].index", List.class)).containsExactly(1, 2);
		assertThat(schema.read("$.lastRun.migrations[0].statements[*].outcome", List.class)).containsExactly("APPLIED",
				"APPLIED");
		assertThat(schema.read("$.lastRun.migrations[0].statements[1].sql", String.class))
			.isEqualTo("CREATE INDEX chats_title_idx ON chats (title);");
		assertThat(schema.read("$.lastRun.migrations[0].statements[1].reason", String.class)).isNotBlank();
		assertThat(schema.read("$.lastRun.migrations[0].statements[1].durationMs", Long.class)).isNotNegative();
		assertThat(schema.read("$.lastRun.migrations[1].statements[0].sql", String.class))
			.isEqualTo("ALTER TABLE chats ADD COLUMN last_message_at timestamptz;");
	}

	@Test
	void metricsShowTheLastRunAndTheLiveCheck(@Autowired MeterRegistry registry) {
		assertThat(registry.get("idempotent.migrations.statements").tag("outcome", "applied").gauge().value())
			.isEqualTo(3.0);
		assertThat(registry.get("idempotent.migrations.statements").tag("outcome", "conflict").gauge().value())
			.isZero();
		assertThat(registry.get("idempotent.migrations.pending").gauge().value()).isZero();
		assertThat(registry.get("idempotent.migrations.drift").gauge().value()).isZero();
		assertThat(registry.get("idempotent.migrations.run.duration").timeGauge().value()).isPositive();
	}

}
