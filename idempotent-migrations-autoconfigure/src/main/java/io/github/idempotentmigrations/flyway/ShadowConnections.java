package io.github.idempotentmigrations.flyway;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import io.github.idempotentmigrations.shadow.ShadowDatabase;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.postgresql.ds.PGSimpleDataSource;

import org.springframework.boot.jdbc.DataSourceBuilder;

/**
 * Opens the shadow database the settings name, or a temporary one beside the
 * application's database. Work on it is logged as one line when it is closed (which
 * shadow, why, how long); Flyway's own lines for it are left out, as they would read as
 * the application's database migrated from empty.
 */
final class ShadowConnections {

	private static final Log logger = LogFactory.getLog("io.github.idempotentmigrations");

	// jdbc:postgresql://host:port/database?options, or jdbc:postgresql:database?options
	private static final Pattern DATABASE_IN_URL = Pattern.compile("^(jdbc:postgresql:(?://[^/?]*/)?)([^?]*)(.*)$");

	private final ShadowSettings settings;

	private final String purpose;

	/**
	 * {@code purpose} completes the log line: "... shadow database x to {@code purpose}
	 * in 412 ms".
	 */
	ShadowConnections(ShadowSettings settings, String purpose) {
		this.settings = settings;
		this.purpose = purpose;
	}

	ShadowDatabase open(DataSource application, Connection session) throws SQLException {
		long started = System.nanoTime();
		QuietFlyway.Scope quiet = QuietFlyway.begin();
		try {
			ShadowDatabase shadow = connect(application, session);
			return shadow.afterClose(() -> {
				quiet.close();
				logger.info("Used the " + shadow.description() + " to " + this.purpose + " in "
						+ (System.nanoTime() - started) / 1_000_000 + " ms");
			});
		}
		catch (SQLException | RuntimeException ex) {
			quiet.close();
			throw ex;
		}
	}

	private ShadowDatabase connect(DataSource application, Connection session) throws SQLException {
		if (this.settings.url() != null) {
			PGSimpleDataSource reserved = new PGSimpleDataSource();
			reserved.setUrl(this.settings.url());
			reserved.setUser(this.settings.username());
			reserved.setPassword(this.settings.password());
			return ShadowDatabase.reserved(reserved, session, () -> logger.info("Another run is using the reserved"
					+ " shadow database (idempotent-migrations.shadow.url); waiting for it to finish"));
		}
		String url = session.getMetaData().getURL();
		// Same server, same credentials as the application's data source, another
		// database: a plain connection each.
		return ShadowDatabase.temporary(session, (name) -> sameServer(application, withDatabase(url, name)));
	}

	private static DataSource sameServer(DataSource application, String url) {
		try {
			return DataSourceBuilder.derivedFrom(SessionFlyway.application(application))
				.type(PGSimpleDataSource.class)
				.url(url)
				.build();
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException("the credentials of the application's data source ("
					+ application.getClass().getName() + ") cannot be reused for a temporary shadow database", ex);
		}
	}

	static String withDatabase(String url, String database) {
		Matcher matcher = DATABASE_IN_URL.matcher(url);
		if (!matcher.matches()) {
			throw new IllegalStateException(
					"the database name cannot be told from the JDBC URL " + CredentialMasker.mask(url));
		}
		return matcher.group(1) + database + matcher.group(3);
	}

}
