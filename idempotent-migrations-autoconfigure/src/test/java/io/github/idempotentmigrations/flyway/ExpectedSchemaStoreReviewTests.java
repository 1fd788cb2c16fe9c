package io.github.idempotentmigrations.flyway;

import java.sql.Connection;

import io.github.idempotentmigrations.testsupport.PostgresDatabaseExtension;
import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.github.idempotentmigrations.flyway.MigratingApplication.on;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live expected schema, written in one round trip, in schemas whose names need quotes
 * (and hold characters a driver splitting statements must respect): the starter's own
 * table beside the history is no drift.
 */
@ExtendWith(PostgresDatabaseExtension.class)
class ExpectedSchemaStoreReviewTests {

	@ParameterizedTest
	@ValueSource(strings = { "Tenant", "we;ird?$$s", "o'brien;x" })
	void theStartersOwnTableInASchemaNeedingQuotesIsNoDrift(String schema, TestDatabase db) throws Exception {
		String[] properties = { "idempotent-migrations.shadow.url=jdbc:postgresql://127.0.0.1:1/none",
				"spring.flyway.default-schema=" + schema, "spring.flyway.schemas=" + schema };
		on(db, "drift-if-not-exists", properties).run((context) -> {
			assertThat(context).hasNotFailed();
			Flyway flyway = context.getBean(Flyway.class);
			try (Connection connection = flyway.getConfiguration().getDataSource().getConnection()) {
				assertThat(ExpectedSchemaDrift.of(flyway, connection).orElseThrow()).isEmpty();
			}
		});
	}

}
