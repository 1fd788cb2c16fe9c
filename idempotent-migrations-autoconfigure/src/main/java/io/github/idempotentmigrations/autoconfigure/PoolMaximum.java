package io.github.idempotentmigrations.autoconfigure;

import java.util.OptionalInt;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfigMXBean;
import com.zaxxer.hikari.HikariDataSource;

import org.springframework.boot.jdbc.DataSourceUnwrapper;
import org.springframework.util.ClassUtils;

/**
 * The maximum size of the connection pool behind a DataSource, when it is a pool we can
 * read (HikariCP).
 */
final class PoolMaximum {

	private static final boolean HIKARI_PRESENT = ClassUtils.isPresent("com.zaxxer.hikari.HikariDataSource",
			PoolMaximum.class.getClassLoader());

	private PoolMaximum() {
	}

	static OptionalInt of(DataSource dataSource) {
		return HIKARI_PRESENT ? Hikari.maximum(dataSource) : OptionalInt.empty();
	}

	/** Apart, so that without HikariCP on the classpath none of its classes is loaded. */
	private static final class Hikari {

		static OptionalInt maximum(DataSource dataSource) {
			HikariConfigMXBean pool = DataSourceUnwrapper.unwrap(dataSource, HikariConfigMXBean.class,
					HikariDataSource.class);
			return (pool != null) ? OptionalInt.of(pool.getMaximumPoolSize()) : OptionalInt.empty();
		}

	}

}
