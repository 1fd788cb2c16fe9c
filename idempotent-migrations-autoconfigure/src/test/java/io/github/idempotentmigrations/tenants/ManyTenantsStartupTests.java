package io.github.idempotentmigrations.tenants;

import java.util.List;
import java.util.Map;

import io.github.idempotentmigrations.actuate.SchemaEndpoint;
import io.github.idempotentmigrations.actuate.TenantMetrics;
import io.github.idempotentmigrations.actuate.TenantsDescriptor;
import io.github.idempotentmigrations.autoconfigure.TenantMigrationInitializer;
import io.github.idempotentmigrations.engine.report.MigrationResult;
import io.github.idempotentmigrations.engine.report.Outcome;
import io.github.idempotentmigrations.engine.report.StatementResult;
import io.github.idempotentmigrations.testsupport.DatabaseSnapshot;
import io.github.idempotentmigrations.testsupport.TestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static io.github.idempotentmigrations.tenants.TenantsApplication.names;
import static io.github.idempotentmigrations.tenants.TenantsApplication.objectsAndRows;
import static io.github.idempotentmigrations.tenants.TenantsApplication.on;
import static io.github.idempotentmigrations.tenants.TenantsApplication.plainFlyway;
import static io.github.idempotentmigrations.tenants.TenantsApplication.schemasProperty;
import static io.github.idempotentmigrations.tenants.TenantsApplication.slice;
import static io.github.idempotentmigrations.tenants.TenantsApplication.successfulVersions;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fifty tenant schemas in every starting state, one set of migrations: the starter
 * converges each tenant it can, exactly as it converges one schema, and names the one it
 * cannot without touching it or any other.
 */
class ManyTenantsStartupTests {

	private static final List<String> TENANTS = names("t", 50);

	/** No schema yet (Flyway creates it), or an empty one. */
	private static final List<String> EMPTY = TENANTS.subList(0, 15);

	/** Plain Flyway ran V1 and V2. */
	private static final List<String> BEHIND = TENANTS.subList(15, 30);

	/**
	 * Plain Flyway ran V1 and V2; support then built V3's index and V4's table by hand.
	 */
	private static final List<String> HAND_DRIFTED = TENANTS.subList(30, 48);

	/** Plain Flyway ran up to V3; someone created V4's table with another column type. */
	private static final String CONFLICTING = "t48";

	/** Plain Flyway ran everything: what every tenant that converges must look like. */
	private static final String UP_TO_DATE = "t49";

	private static TestDatabase template;

	private static DatabaseSnapshot before;

	@BeforeAll
	static void fiftyTenantsInEveryState() {
		template = TestDatabase.create();
		EMPTY.subList(12, 15).forEach((schema) -> template.execute("CREATE SCHEMA " + schema));
		BEHIND.forEach((schema) -> plainFlyway(template, schema, "2"));
		for (String schema : HAND_DRIFTED) {
			plainFlyway(template, schema, "2");
			template.execute("CREATE INDEX accounts_email_idx ON " + schema + ".accounts (email);" + " CREATE TABLE "
					+ schema + ".orders (id bigint PRIMARY KEY, account_id bigint REFERENCES " + schema
					+ ".accounts, total numeric(10, 2) NOT NULL)");
		}
		plainFlyway(template, CONFLICTING, "3");
		template
			.execute("CREATE TABLE " + CONFLICTING + ".orders (id bigint PRIMARY KEY, account_id bigint, total text)");
		plainFlyway(template, UP_TO_DATE, "4");
		before = DatabaseSnapshot.of(template);
	}

	@AfterAll
	static void dropTemplate() {
		template.close();
	}

	@Test
	void failsAfterEveryTenantRanNamingTheConflictingOneWithItsAnalysis() {
		try (TestDatabase db = TestDatabase.copyOf(template)) {
			on(db, schemasProperty(TENANTS)).run((context) -> {
				assertThat(context).hasFailed();
				TenantsNotConvergedException failure = failure(context.getStartupFailure());
				assertThat(failure.failed()).extracting(TenantRun::schema).containsExactly(CONFLICTING);
				FailureAnalysis analysis = analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("1 of 50 tenant schemas did not converge: t48",
						"=== Tenant schema t48 ===", "V4", "orders", "CONFLICT");
				assertThat(analysis.getAction()).contains("idempotent-migrations.tenants.on-failure=continue");
			});
			assertConverged(db);
		}
	}

	@Test
	void continuePolicyStartsAndShowsTheFailedTenantDownInItsOwnHealthEntry() {
		try (TestDatabase db = TestDatabase.copyOf(template)) {
			on(db, schemasProperty(TENANTS), "idempotent-migrations.tenants.on-failure=continue").run((context) -> {
				assertThat(context).hasNotFailed();
				MigratedTenants tenants = context.getBean(TenantMigrationInitializer.class).migrated();
				assertThat(tenants.countsByState()).containsEntry(TenantState.NOT_CONVERGED, 1)
					.containsEntry(TenantState.CONVERGED, 49);
				// Each tenant's report holds its own migrations only: its callback
				// reports to its own tracker.
				assertThat(versionsRun(tenants, "t00")).containsExactly("1", "2", "3", "4");
				assertThat(versionsRun(tenants, "t15")).containsExactly("3", "4");
				assertThat(versionsRun(tenants, UP_TO_DATE)).isEmpty();
				assertThat(outcomes(tenants, "t30")).containsEntry("3", List.of(Outcome.SKIPPED))
					.containsEntry("4", List.of(Outcome.SKIPPED, Outcome.APPLIED));

				CompositeHealthContributor tenantsHealth = (CompositeHealthContributor) context
					.getBean("schemaHealthIndicator", CompositeHealthContributor.class)
					.getContributor("tenants");
				assertThat(status(tenantsHealth, CONFLICTING)).isEqualTo(Status.DOWN);
				assertThat(status(tenantsHealth, "t00")).isEqualTo(Status.UP);
				assertThat(tenantsHealth.stream()).hasSize(50);

				TenantsDescriptor view = context.getBean(SchemaEndpoint.class).schema().tenants();
				assertThat(view.total()).isEqualTo(50);
				assertThat(view.states()).containsEntry("CONVERGED", 49).containsEntry("NOT_CONVERGED", 1);
				assertThat(view.tenants()).filteredOn((tenant) -> tenant.schema().equals(CONFLICTING))
					.singleElement()
					.satisfies((tenant) -> assertThat(tenant.problems()).isNotEmpty());
				SchemaEndpoint.SchemaDescriptor one = context.getBean(SchemaEndpoint.class).tenant("t30");
				assertThat(one.status().state()).isEqualTo("CONVERGED");
				assertThat(one.status().currentVersion()).isEqualTo("4");

				SimpleMeterRegistry registry = new SimpleMeterRegistry();
				context.getBean(TenantMetrics.class).bindTo(registry);
				assertThat(
						registry.get("idempotent.migrations.tenants").tag("outcome", "not_converged").gauge().value())
					.isEqualTo(1.0);
				assertThat(registry.get("idempotent.migrations.tenants").tag("outcome", "converged").gauge().value())
					.isEqualTo(49.0);
			});
			assertConverged(db);
		}
	}

	/**
	 * Every tenant but the conflicting one is what plain Flyway builds; the conflicting
	 * one is exactly as it was.
	 */
	private static void assertConverged(TestDatabase db) {
		DatabaseSnapshot after = DatabaseSnapshot.of(db);
		List<String> expected = objectsAndRows(before, UP_TO_DATE);
		for (String schema : TENANTS) {
			if (schema.equals(CONFLICTING)) {
				assertThat(slice(after, schema)).as(schema).isEqualTo(slice(before, schema));
			}
			else {
				assertThat(successfulVersions(db, schema)).as(schema).containsExactly("1", "2", "3", "4");
				assertThat(objectsAndRows(after, schema)).as(schema).isEqualTo(expected);
			}
		}
		assertThat(slice(after, UP_TO_DATE)).isEqualTo(slice(before, UP_TO_DATE));
		assertThat(db.query("SELECT count(*) FROM " + CONFLICTING + ".flyway_schema_history WHERE NOT success"))
			.containsExactly("0");
	}

	private static List<String> versionsRun(MigratedTenants tenants, String schema) {
		return tenants.find(schema)
			.orElseThrow()
			.report()
			.orElseThrow()
			.migrations()
			.stream()
			.map(MigrationResult::version)
			.toList();
	}

	private static Map<String, List<Outcome>> outcomes(MigratedTenants tenants, String schema) {
		return tenants.find(schema)
			.orElseThrow()
			.report()
			.orElseThrow()
			.migrations()
			.stream()
			.collect(java.util.stream.Collectors.toMap(MigrationResult::version,
					(migration) -> migration.statements().stream().map(StatementResult::outcome).toList()));
	}

	private static Status status(CompositeHealthContributor tenants, String schema) {
		return ((HealthIndicator) tenants.getContributor(schema)).health().getStatus();
	}

	private static TenantsNotConvergedException failure(Throwable startupFailure) {
		for (Throwable cause = startupFailure; cause != null; cause = cause.getCause()) {
			if (cause instanceof TenantsNotConvergedException tenants) {
				return tenants;
			}
		}
		throw new AssertionError("Startup did not fail with TenantsNotConvergedException", startupFailure);
	}

	/**
	 * The analysis of the starter's analyzer for tenants, found as Boot finds it
	 * (analyzers needing a context skipped).
	 */
	private static FailureAnalysis analyze(Throwable startupFailure) {
		return SpringFactoriesLoader.forDefaultResourceLocation(ManyTenantsStartupTests.class.getClassLoader())
			.load(FailureAnalyzer.class, (type, name, failure) -> {
			})
			.stream()
			.filter((analyzer) -> analyzer.getClass().getSimpleName().equals("TenantsFailureAnalyzer"))
			.map((analyzer) -> analyzer.analyze(startupFailure))
			.findFirst()
			.orElseThrow();
	}

}
