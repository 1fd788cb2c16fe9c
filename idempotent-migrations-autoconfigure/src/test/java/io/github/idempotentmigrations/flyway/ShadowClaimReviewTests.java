package io.github.idempotentmigrations.flyway;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Function;

import javax.sql.DataSource;

import io.github.idempotentmigrations.shadow.ShadowDatabase;
import io.github.idempotentmigrations.shadow.ShadowUnavailableException;
import io.github.idempotentmigrations.testsupport.PostgresDatabaseExtension;
import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.ds.PGSimpleDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Review of the application_name claim on temporary shadows: what another run sees of it,
 * how long it takes another run to leave a shadow in use, and that the session's own
 * application_name comes back.
 */
@ExtendWith(PostgresDatabaseExtension.class)
class ShadowClaimReviewTests {

	@Test
	void aRunNeverTriesToDropTheShadowAnotherRunIsConnectedTo(TestDatabase db) throws SQLException {
		// Tenants adopting at once: another run's shadow is created and connected to.
		String inUse = ShadowDatabase.TEMPORARY_PREFIX + "1000000000_otherrun0002";
		db.execute("CREATE DATABASE " + inUse);
		try (Connection otherRun = DriverManager.getConnection(ShadowConnections.withDatabase(db.jdbcUrl(), inUse),
				db.user(), db.password()); Connection server = db.connect()) {
			// A DROP DATABASE of a database with sessions waits up to 5 s for them to go
			// (holding a lock that keeps new sessions, Flyway's, off it): a run must not
			// try. Under a 1 s statement timeout such a try fails the run.
			try (Statement timeout = server.createStatement()) {
				timeout.execute("SET statement_timeout = '1s'");
			}
			try (ShadowDatabase shadow = ShadowDatabase.temporary(server, shadows(db, db.user(), db.password()))) {
				assertThat(existing(db, inUse)).isTrue();
			}
		}
		finally {
			db.execute("DROP DATABASE IF EXISTS " + inUse + " WITH (FORCE)");
		}
	}

	@Test
	void aLeastPrivilegeRoleSeesAnotherRolesClaimAndLeavesTheShadow(TestDatabase db) throws SQLException {
		String role = "im_claimrev_" + db.name().substring(db.name().length() - 8);
		String claimed = ShadowDatabase.TEMPORARY_PREFIX + "1000000000_otherrun0003";
		db.execute("CREATE ROLE " + role + " LOGIN CREATEDB NOSUPERUSER PASSWORD 'claim-review'");
		try (Connection otherRun = db.connect(); Statement claim = otherRun.createStatement()) {
			// Another role's session claims it; the role under review owns it, so a DROP
			// by it would succeed if it did not see the claim.
			claim.execute("SET application_name = '" + claimed + "'");
			db.execute("CREATE DATABASE " + claimed + " OWNER " + role);
			try (Connection server = DriverManager.getConnection(db.jdbcUrl(), role, "claim-review")) {
				try (ShadowDatabase shadow = ShadowDatabase.temporary(server, shadows(db, role, "claim-review"))) {
					assertThat(existing(db, claimed)).isTrue();
				}
			}
		}
		finally {
			db.execute("DROP DATABASE IF EXISTS " + claimed + " WITH (FORCE)");
			db.execute("DROP ROLE " + role);
		}
	}

	@Test
	void theSessionsApplicationNameComesBackWhenTheShadowCannotBeHad(TestDatabase db) throws SQLException {
		String role = "im_claimnocr_" + db.name().substring(db.name().length() - 8);
		db.execute("CREATE ROLE " + role + " LOGIN NOCREATEDB PASSWORD 'claim-review'");
		try (Connection server = DriverManager.getConnection(db.jdbcUrl() + "?ApplicationName=my%20app", role,
				"claim-review")) {
			assertThatExceptionOfType(ShadowUnavailableException.class)
				.isThrownBy(() -> ShadowDatabase.temporary(server, shadows(db, role, "claim-review")));
			assertThat(applicationName(server)).isEqualTo("my app");
		}
		finally {
			db.execute("DROP ROLE " + role);
		}
		try (Connection server = DriverManager.getConnection(db.jdbcUrl() + "?ApplicationName=my%20app", db.user(),
				db.password())) {
			assertThatExceptionOfType(IllegalStateException.class)
				.isThrownBy(() -> ShadowDatabase.temporary(server, (name) -> {
					throw new IllegalStateException("no credentials");
				}));
			assertThat(applicationName(server)).isEqualTo("my app");
			assertThat(db.query("SELECT datname FROM pg_database WHERE datname LIKE 'im\\_shadow\\_%'")).isEmpty();
		}
	}

	@Test
	void aSessionInATransactionIsToldSoAndKeepsItsApplicationName(TestDatabase db) throws SQLException {
		try (Connection server = DriverManager.getConnection(db.jdbcUrl() + "?ApplicationName=my%20app", db.user(),
				db.password())) {
			server.setAutoCommit(false);
			assertThatExceptionOfType(SQLException.class)
				.isThrownBy(() -> ShadowDatabase.temporary(server, shadows(db, db.user(), db.password())))
				.satisfies((ex) -> assertThat(ex.getSQLState()).as(ex.getMessage()).isEqualTo("25001"));
			server.rollback();
			assertThat(applicationName(server)).isEqualTo("my app");
		}
	}

	private static Function<String, DataSource> shadows(TestDatabase db, String user, String password) {
		return (name) -> {
			PGSimpleDataSource dataSource = new PGSimpleDataSource();
			dataSource.setUrl(ShadowConnections.withDatabase(db.jdbcUrl(), name));
			dataSource.setUser(user);
			dataSource.setPassword(password);
			return dataSource;
		};
	}

	private static boolean existing(TestDatabase db, String name) {
		return !db.query("SELECT datname FROM pg_database WHERE datname = '" + name + "'").isEmpty();
	}

	private static String applicationName(Connection server) throws SQLException {
		try (Statement statement = server.createStatement();
				ResultSet rs = statement.executeQuery("SELECT current_setting('application_name')")) {
			rs.next();
			return rs.getString(1);
		}
	}

}
