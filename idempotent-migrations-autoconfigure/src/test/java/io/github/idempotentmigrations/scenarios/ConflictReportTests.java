package io.github.idempotentmigrations.scenarios;

import java.util.ArrayList;
import java.util.List;

import io.github.idempotentmigrations.engine.ConflictPolicy;
import io.github.idempotentmigrations.engine.EngineSettings;
import io.github.idempotentmigrations.engine.StatementRejectedException;
import io.github.idempotentmigrations.engine.report.MigrationResult;
import io.github.idempotentmigrations.engine.report.Outcome;
import io.github.idempotentmigrations.engine.report.StatementResult;
import io.github.idempotentmigrations.testsupport.DatabaseSnapshot;
import io.github.idempotentmigrations.testsupport.PostgresDatabaseExtension;
import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static io.github.idempotentmigrations.scenarios.ScenarioFlyway.history;
import static io.github.idempotentmigrations.scenarios.ScenarioFlyway.migrate;
import static io.github.idempotentmigrations.scenarios.ScenarioFlyway.migration;
import static io.github.idempotentmigrations.scenarios.ScenarioFlyway.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * {@code users.age} was added by hand as {@code text}; the migration adds it as
 * {@code integer}. Converting the column would rewrite user data, so the engine reports a
 * conflict with both definitions instead.
 */
@ExtendWith(PostgresDatabaseExtension.class)
class ConflictReportTests {

	private static void handAddedTextAge(TestDatabase db) {
		ScenarioFlyway.configure(db, "conflict").target("1").load().migrate();
		db.execute("""
				ALTER TABLE users ADD COLUMN age text;
				INSERT INTO users (name, age) VALUES ('Ann', '42'), ('Bob', 'forty');
				""");
	}

	@Test
	void conflictStopsTheRunWithBothDefinitionsAndChangesNothing(TestDatabase db) {
		handAddedTextAge(db);
		List<String> before = everything(db);

		Throwable thrown = catchThrowable(() -> migrate(db, "conflict"));

		StatementRejectedException rejected = causeOfType(thrown, StatementRejectedException.class);
		StatementResult result = rejected.result();
		assertThat(result.outcome()).isEqualTo(Outcome.CONFLICT);
		assertThat(result.object()).isEqualTo("public.users.age");
		assertThat(result.expected()).contains("integer");
		assertThat(result.actual()).contains("text");
		assertThat(rejected.getMessage()).contains("CONFLICT", "public.users.age");
		assertThat(everything(db)).isEqualTo(before);
		assertThat(history(db)).containsExactly("1:SQL:true");
	}

	@Test
	void warnPolicyGoesOnAndReportsTheConflict(TestDatabase db) {
		handAddedTextAge(db);

		List<MigrationResult> results = migrate(db, "conflict", new EngineSettings(ConflictPolicy.WARN));

		List<StatementResult> v2 = migration(results, "2").statements();
		assertThat(v2.get(0).outcome()).isEqualTo(Outcome.CONFLICT);
		assertThat(v2.get(0).expected()).contains("integer");
		assertThat(v2.get(0).actual()).contains("text");
		assertThat(v2.get(1).outcome()).isEqualTo(Outcome.APPLIED);
		assertThat(migration(results, "2").hasConflicts()).isTrue();
		assertThat(query(db, "SELECT format_type(atttypid, atttypmod) FROM pg_attribute"
				+ " WHERE attrelid = 'users'::regclass AND attname = 'age'"))
			.containsExactly("text");
		assertThat(query(db, "SELECT name || ':' || age FROM users ORDER BY id")).containsExactly("Ann:42",
				"Bob:forty");
		assertThat(history(db)).containsExactly("1:SQL:true", "2:SQL:true");
	}

	/** Catalog, every user row and the history table. */
	private static List<String> everything(TestDatabase db) {
		List<String> all = new ArrayList<>(DatabaseSnapshot.catalogOf(db));
		all.addAll(query(db, "SELECT t::text FROM users t ORDER BY id"));
		all.addAll(query(db, "SELECT version || ':' || success || ':' || checksum FROM flyway_schema_history"
				+ " ORDER BY installed_rank"));
		return all;
	}

	private static <T extends Throwable> T causeOfType(Throwable thrown, Class<T> type) {
		for (Throwable t = thrown; t != null; t = t.getCause()) {
			if (type.isInstance(t)) {
				return type.cast(t);
			}
		}
		throw new AssertionError("no " + type.getSimpleName() + " in " + thrown, thrown);
	}

}
