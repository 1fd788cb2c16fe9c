package io.github.idempotentmigrations.sample.drift;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * Replaces the sample's tables with hand-made ones and removes Flyway's history, the way
 * the seed stories' databases drifted: tables created by hand, a column added by a
 * hot-fix, rows already in them, no record of any migration. Works on the DataSource
 * directly: a JdbcTemplate would itself wait for Flyway, which waits for this.
 */
final class SchemaDrift implements InitializingBean {

	private static final Log logger = LogFactory.getLog(SchemaDrift.class);

	private static final String SCRIPT = "drift/drifted-schema.sql";

	private final DataSource dataSource;

	SchemaDrift(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	@Override
	public void afterPropertiesSet() {
		new ResourceDatabasePopulator(new ClassPathResource(SCRIPT)).execute(this.dataSource);
		logger.warn("sample.drift=true: the sample's tables were recreated by hand from " + SCRIPT
				+ " (users, chats with last_message_at, no Flyway history); the migrations must now converge on them");
	}

}
