package io.github.idempotentmigrations.scenarios;

import java.util.List;

import io.github.idempotentmigrations.engine.report.MigrationResult;
import io.github.idempotentmigrations.engine.report.Outcome;
import io.github.idempotentmigrations.engine.report.StatementResult;
import io.github.idempotentmigrations.testsupport.PostgresDatabaseExtension;
import io.github.idempotentmigrations.testsupport.DatabaseSnapshot;
import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.github.idempotentmigrations.scenarios.ScenarioFlyway.count;
import static io.github.idempotentmigrations.scenarios.ScenarioFlyway.history;
import static io.github.idempotentmigrations.scenarios.ScenarioFlyway.migrate;
import static io.github.idempotentmigrations.scenarios.ScenarioFlyway.statements;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Losing {@code flyway_schema_history} (a restore without it, a cleanup script) and starting again must adopt the
 * schema as it is: every statement of the 33 matrix migrations finds its object present; only the table V25 creates
 * and V26 drops comes and goes again.
 */
@ExtendWith(PostgresDatabaseExtension.class)
class RerunAfterHistoryLossTest {

    @Test
    void adoptingAfterHistoryLossChangesNothing(TestDatabase db) {
        MatrixRole.ensure(db);
        List<MigrationResult> first = migrate(db, "matrix", false);
        assertThat(first).hasSize(33);
        List<String> clean = DatabaseSnapshot.catalogOf(db);
        long products = count(db, "SELECT count(*) FROM products");

        db.execute("DROP TABLE flyway_schema_history");
        List<MigrationResult> again = migrate(db, "matrix", true);

        List<StatementResult> statements = statements(again);
        assertThat(statements).hasSize(statements(first).size());
        // V25 creates legacy_flags and V26 drops it: replaying history re-creates and drops it again (a data step
        // between the two may need it), which nets out; nothing else may change the schema
        assertThat(statements).filteredOn(StatementResult::changedSchema)
            .as("statements that changed the schema on re-run")
            .allMatch(s -> s.sql().contains("legacy_flags"))
            .hasSize(4);
        assertThat(statements).noneMatch(s -> s.outcome() == Outcome.CONFLICT || s.outcome() == Outcome.FAILED);
        assertThat(DatabaseSnapshot.catalogOf(db)).isEqualTo(clean);
        assertThat(count(db, "SELECT count(*) FROM products")).isEqualTo(products);
        assertThat(count(db, "SELECT count(*) FROM settings")).isEqualTo(1);
        assertThat(history(db)).hasSize(34).first().isEqualTo("0:BASELINE:true");
        assertThat(history(db).subList(1, 34)).allMatch(h -> h.endsWith(":SQL:true"));
    }

    @Test
    void secondRerunIsStillANoOp(TestDatabase db) {
        MatrixRole.ensure(db);
        migrate(db, "matrix", false);
        List<String> clean = DatabaseSnapshot.catalogOf(db);
        for (int i = 0; i < 2; i++) {
            db.execute("DROP TABLE flyway_schema_history");
            assertThat(statements(migrate(db, "matrix", true))).filteredOn(StatementResult::changedSchema)
                .allMatch(s -> s.sql().contains("legacy_flags"));
        }
        assertThat(DatabaseSnapshot.catalogOf(db)).isEqualTo(clean);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "seed000", "seed001", "seed003", "seed004" })
    void seedStoryMigrationsReplayWithoutAnySchemaChange(String scenario) {
        try (TestDatabase db = TestDatabase.create()) {
            migrate(db, scenario, false);
            List<String> clean = DatabaseSnapshot.catalogOf(db);
            db.execute("DROP TABLE flyway_schema_history");

            List<StatementResult> statements = statements(migrate(db, scenario, true));

            assertThat(statements).isNotEmpty().noneMatch(StatementResult::changedSchema);
            assertThat(statements).noneMatch(s -> s.outcome() == Outcome.APPLIED);
            assertThat(DatabaseSnapshot.catalogOf(db)).isEqualTo(clean);
        }
    }
}
