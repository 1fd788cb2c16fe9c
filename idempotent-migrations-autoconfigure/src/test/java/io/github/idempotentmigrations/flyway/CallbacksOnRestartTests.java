package io.github.idempotentmigrations.flyway;

import java.util.ArrayList;
import java.util.List;

import io.github.idempotentmigrations.testsupport.PostgresDatabaseExtension;
import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static io.github.idempotentmigrations.flyway.MigratingApplication.on;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Flyway runs its migrate callbacks on every migrate, also when nothing is pending (an
 * {@code afterMigrate.sql} that grants, a callback bean): a restart with the starter runs
 * them as plain Flyway does.
 */
@ExtendWith(PostgresDatabaseExtension.class)
class CallbacksOnRestartTests {

	private static final String RUNS = "SELECT event FROM callback_runs ORDER BY id";

	@Test
	void scriptCallbacksRunOnARestartWithNothingPendingAsPlainFlywayRunsThem(TestDatabase db) {
		List<String> plain;
		try (TestDatabase reference = TestDatabase.create()) {
			for (int start = 0; start < 2; start++) {
				Flyway.configure()
					.dataSource(reference.dataSource())
					.locations("classpath:db/startup/after-migrate-callback")
					.load()
					.migrate();
			}
			plain = reference.query(RUNS);
		}
		assertThat(plain).containsExactly("beforeMigrate", "afterMigrate", "beforeMigrate", "afterMigrate");
		for (int start = 0; start < 2; start++) {
			on(db, "after-migrate-callback").run((context) -> assertThat(context).hasNotFailed());
		}
		assertThat(db.query(RUNS)).isEqualTo(plain);
	}

	@Test
	void aCallbackBeanIsCalledOnARestartWithNothingPending(TestDatabase db) {
		List<Event> events = new ArrayList<>();
		Callback recorder = new Callback() {

			@Override
			public boolean supports(Event event, Context context) {
				return event == Event.BEFORE_MIGRATE || event == Event.AFTER_MIGRATE;
			}

			@Override
			public boolean canHandleInTransaction(Event event, Context context) {
				return true;
			}

			@Override
			public void handle(Event event, Context context) {
				events.add(event);
			}

			@Override
			public String getCallbackName() {
				return "recorder";
			}

		};
		for (int start = 0; start < 2; start++) {
			on(db, "concurrent-index").withBean(Callback.class, () -> recorder)
				.run((context) -> assertThat(context).hasNotFailed());
		}
		assertThat(events).containsExactly(Event.BEFORE_MIGRATE, Event.AFTER_MIGRATE, Event.BEFORE_MIGRATE,
				Event.AFTER_MIGRATE);
	}

}
