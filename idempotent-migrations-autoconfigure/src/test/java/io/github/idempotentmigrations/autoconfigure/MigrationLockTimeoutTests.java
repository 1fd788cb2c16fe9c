package io.github.idempotentmigrations.autoconfigure;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.github.idempotentmigrations.testsupport.PostgresDatabaseExtension;
import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.jdbc.datasource.DelegatingDataSource;

import static io.github.idempotentmigrations.flyway.MigratingApplication.on;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lock timeout bounds migration statements only: every connection of the
 * application's pool goes back to it with the server's default, after a successful run
 * and after a failed one alike.
 */
@ExtendWith(PostgresDatabaseExtension.class)
class MigrationLockTimeoutTests {

	/**
	 * Startup holds one connection for inspection and Flyway two: the pool has one more
	 * to spare.
	 */
	private static final int POOL_SIZE = 4;

	private static final String LOCK_TIMEOUT = "idempotent-migrations.connect.lock-timeout=1234ms";

	@Test
	void pooledConnectionsKeepTheServerDefaultAfterMigrating(TestDatabase database) throws SQLException {
		try (HikariDataSource pool = database.pool(POOL_SIZE)) {
			String serverDefault = lockTimeout(database.dataSource());
			on(database, "two-migrations", LOCK_TIMEOUT)
				.withBean(DataSource.class, () -> new DelegatingDataSource(pool))
				.run((context) -> assertThat(context).hasNotFailed());

			assertThat(lockTimeoutOfEveryConnection(pool)).hasSize(POOL_SIZE)
				.containsOnly(serverDefault)
				.doesNotContain("1234ms");
		}
	}

	@Test
	void pooledConnectionsKeepTheServerDefaultAfterAFailedMigration(TestDatabase database) throws SQLException {
		try (HikariDataSource pool = database.pool(POOL_SIZE)) {
			String serverDefault = lockTimeout(database.dataSource());
			on(database, "syntax-error", LOCK_TIMEOUT).withBean(DataSource.class, () -> new DelegatingDataSource(pool))
				.run((context) -> assertThat(context).hasFailed());

			assertThat(lockTimeoutOfEveryConnection(pool)).hasSize(POOL_SIZE).containsOnly(serverDefault);
		}
	}

	@Test
	void leavesTheApplicationsInitSqlAsItIs(TestDatabase database) {
		on(database, "two-migrations", "spring.flyway.init-sqls=SET application_name = 'orders'").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(Flyway.class).getConfiguration().getInitSql())
				.isEqualTo("SET application_name = 'orders'");
		});
	}

	/** Borrows every connection the pool can hold at once, so none is left out. */
	private static List<String> lockTimeoutOfEveryConnection(HikariDataSource pool) throws SQLException {
		List<Connection> borrowed = new ArrayList<>();
		try {
			List<String> values = new ArrayList<>();
			for (int i = 0; i < POOL_SIZE; i++) {
				Connection connection = pool.getConnection();
				borrowed.add(connection);
				values.add(lockTimeout(connection));
			}
			return values;
		}
		finally {
			for (Connection connection : borrowed) {
				connection.close();
			}
		}
	}

	private static String lockTimeout(DataSource dataSource) throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			return lockTimeout(connection);
		}
	}

	private static String lockTimeout(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SHOW lock_timeout")) {
			result.next();
			return result.getString(1);
		}
	}

}
