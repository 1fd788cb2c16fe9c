package io.github.idempotentmigrations.flyway;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import io.github.idempotentmigrations.engine.report.MigrationReport;
import io.github.idempotentmigrations.testsupport.PostgresDatabaseExtension;
import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import static io.github.idempotentmigrations.flyway.MigratingApplication.on;
import static io.github.idempotentmigrations.flyway.MigratingApplication.plainFlyway;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A shadow runs SQL only: a Java migration or a Java callback can reach the real database
 * and other systems, so neither ever runs on a shadow; where the schema depends on a Java
 * migration there is no shadow answer.
 */
@ExtendWith(PostgresDatabaseExtension.class)
class ShadowRunsSqlOnlyTests {

	@Test
	void aJavaMigrationBeanNeverRunsForAShadowAndSaysWhy(TestDatabase db) {
		Flyway.configure()
			.dataSource(db.dataSource())
			.locations("classpath:db/startup/java-bean")
			.javaMigrations(new V2__credit(db.dataSource()))
			.load()
			.migrate();
		assertThat(balance(db)).isEqualTo(100);

		// The team adds the starter; nothing is pending. A shadow build would run V2
		// against this database again.
		on(db, "java-bean").withUserConfiguration(CreditMigration.class).run((context) -> {
			assertThat(context).hasNotFailed();
			MigrationReport report = context.getBean(MigrationReportStore.class).last().orElseThrow();
			assertThat(report.warnings())
				.anySatisfy((warning) -> assertThat(warning).contains("2 \"credit\" is a Java migration", "no shadow"));
		});

		assertThat(balance(db)).isEqualTo(100);
	}

	/**
	 * Nothing pending: the first start records the expected schema on a shadow. The
	 * application's callbacks fire once, on the application's database, as plain Flyway's
	 * migrate with nothing pending fires them; never for the shadow build.
	 */
	@Test
	void theApplicationsCallbacksDoNotFireForAShadowBuild(TestDatabase db) {
		plainFlyway(db, "sql-only-callback", "1");
		EventRecorder.EVENTS.clear();

		on(db, "sql-only-callback").withUserConfiguration(EventRecorder.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(db.query("SELECT count(*) FROM flyway_schema_history_expected")).doesNotContain("0");
		});

		assertThat(EventRecorder.EVENTS).containsExactly("beforeMigrate on " + db.name(),
				"afterMigrate on " + db.name(), "afterMigrateOperationFinish on " + db.name());
	}

	private static int balance(TestDatabase db) {
		return Integer.parseInt(db.query("SELECT balance FROM accounts WHERE id = 1").get(0));
	}

	/**
	 * Credits every account through the application's own data source, as a Spring bean
	 * migration does.
	 */
	static class V2__credit extends BaseJavaMigration {

		private final DataSource dataSource;

		V2__credit(DataSource dataSource) {
			this.dataSource = dataSource;
		}

		@Override
		public void migrate(org.flywaydb.core.api.migration.Context context) {
			new JdbcTemplate(this.dataSource).update("UPDATE accounts SET balance = balance + 100");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CreditMigration {

		@Bean
		V2__credit credit(DataSource dataSource) {
			return new V2__credit(dataSource);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class EventRecorder {

		/** Each event handled, with the database it was handled on. */
		static final List<String> EVENTS = new CopyOnWriteArrayList<>();

		@Bean
		Callback recordingCallback() {
			return new Callback() {

				@Override
				public boolean supports(Event event, Context context) {
					// info() has events of its own
					return event.getId().contains("Migrate");
				}

				@Override
				public boolean canHandleInTransaction(Event event, Context context) {
					return true;
				}

				@Override
				public void handle(Event event, Context context) {
					try {
						EVENTS.add(event.getId() + " on " + context.getConnection().getCatalog());
					}
					catch (SQLException ex) {
						throw new IllegalStateException(ex);
					}
				}

				@Override
				public String getCallbackName() {
					return "recording";
				}
			};
		}

	}

}
