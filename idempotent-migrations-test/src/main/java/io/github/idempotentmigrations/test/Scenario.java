package io.github.idempotentmigrations.test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.idempotentmigrations.test.StatementTrace.Traced;
import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;

/**
 * What every state is judged against: the migrations run by plain Flyway on an empty database (the result a
 * converged run must equal), the statements that run went through, and the migrations it applied.
 *
 * @param migrations the application's migrations
 * @param properties the starter's {@code idempotent-migrations.*} settings for every start
 * @param expected what plain Flyway leaves on an empty database
 * @param statements every SQL statement of that run, in order
 * @param applied the migrations it applied, in order
 */
record Scenario(Migrations migrations, Map<String, String> properties, DatabaseState expected,
        List<Traced> statements, List<MigrationInfo> applied) {

    /** Runs plain Flyway on a fresh database; fails with Flyway's message when plain Flyway itself cannot. */
    static Scenario prepare(Migrations migrations, Map<String, String> properties) {
        try (TestDatabase database = TestDatabase.create()) {
            StatementTrace trace = StatementTrace.recording();
            try {
                migrations.plainOn(database, trace).load().migrate();
            }
            catch (RuntimeException ex) {
                throw new AssertionError("Plain Flyway itself fails on an empty database, so no state can converge"
                        + " to its result. Last statement it ran: " + (trace.statements().isEmpty() ? "none"
                                : trace.statements().get(trace.statements().size() - 1)) + "\n" + ex.getMessage(), ex);
            }
            return new Scenario(migrations, properties, DatabaseState.of(database, migrations.historyTable()),
                    trace.statements(), migrations.applied(database));
        }
    }

    /** The versioned migrations applied, in order. */
    List<MigrationVersion> versions() {
        return this.applied.stream().map(MigrationInfo::getVersion).filter(version -> version != null).toList();
    }

    /** Plain Flyway up to and including {@code target}. */
    void plainUpTo(TestDatabase database, MigrationVersion target) {
        this.migrations.plainOn(database).target(target).load().migrate();
    }

    /** The application with the starter on {@code database}, with what a person tells it about this state. */
    StarterRun start(TestDatabase database, Map<String, String> told, StatementTrace... extra) {
        Map<String, String> properties = new LinkedHashMap<>(this.properties);
        properties.putAll(told);
        return StarterRun.start(this.migrations, database, properties, extra);
    }
}
