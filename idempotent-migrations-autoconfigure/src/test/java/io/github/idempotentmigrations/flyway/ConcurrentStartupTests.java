package io.github.idempotentmigrations.flyway;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.github.idempotentmigrations.testsupport.PostgresDatabaseExtension;
import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.jdbc.core.JdbcTemplate;

import static io.github.idempotentmigrations.flyway.MigratingApplication.on;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replicas starting at once on one database, with a concurrent index build among the
 * migrations.
 */
@ExtendWith(PostgresDatabaseExtension.class)
class ConcurrentStartupTests {

	private static final int INSTANCES = 4;

	@Test
	void fourInstancesStartingAtOnceAllStartAndApplyEachMigrationOnce(TestDatabase db) throws Exception {
		CyclicBarrier sameMoment = new CyclicBarrier(INSTANCES);
		ExecutorService executor = Executors.newFixedThreadPool(INSTANCES);
		try {
			List<CompletableFuture<Throwable>> startups = new ArrayList<>();
			for (int i = 0; i < INSTANCES; i++) {
				startups.add(CompletableFuture.supplyAsync(() -> {
					Throwable[] failure = new Throwable[1];
					on(db, "concurrent-index").withInitializer((context) -> awaitQuietly(sameMoment))
						.run((context) -> failure[0] = context.getStartupFailure());
					return failure[0];
				}, executor));
			}
			for (CompletableFuture<Throwable> startup : startups) {
				assertThat(startup.get()).isNull();
			}
		}
		finally {
			executor.shutdownNow();
		}
		JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
		assertThat(jdbc.queryForList("SELECT version FROM flyway_schema_history ORDER BY installed_rank", String.class))
			.containsExactly("1", "2");
		assertThat(jdbc.queryForObject("SELECT bool_and(success) FROM flyway_schema_history", Boolean.class)).isTrue();
		assertThat(jdbc.queryForObject(
				"SELECT indisvalid FROM pg_index WHERE indexrelid = 'accounts_email_key'::regclass", Boolean.class))
			.isTrue();
	}

	private static void awaitQuietly(CyclicBarrier barrier) {
		try {
			barrier.await();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
