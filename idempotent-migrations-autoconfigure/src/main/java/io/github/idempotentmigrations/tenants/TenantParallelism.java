package io.github.idempotentmigrations.tenants;

import java.util.OptionalInt;

/**
 * How many tenants migrate at once when nobody said: never more connections than the pool
 * can give while the application keeps a few, and no more tenants than processors (the
 * work is mostly the server's, on the same cores in small setups).
 */
public final class TenantParallelism {

	/**
	 * Connections of the pool one tenant run holds at most: the starter's session, which
	 * Flyway migrates on too. A shadow database is reached by a plain connection beside
	 * the pool, never through it.
	 */
	public static final int CONNECTIONS_PER_TENANT = 1;

	/**
	 * Connections of the pool budgeted for one tenant run: its session, and one for the
	 * application's own migration code (a Java migration or callback that uses the
	 * application's DataSource rather than Flyway's connection takes one beside it).
	 */
	public static final int CONNECTIONS_BUDGETED_PER_TENANT = CONNECTIONS_PER_TENANT + 1;

	/** Left to the application while tenants migrate. */
	static final int KEPT_FOR_APPLICATION = 2;

	/**
	 * Without a pool size to go by (not a pool, or an unknown one): two tenants at once.
	 */
	static final int WITHOUT_POOL_SIZE = 2;

	private TenantParallelism() {
	}

	/**
	 * How many tenants migrate at once, given the processors and the pool's size.
	 * @param poolMaximum the pool's maximum size, when known
	 */
	public static int of(int processors, OptionalInt poolMaximum) {
		int byPool = poolMaximum.isPresent()
				? (poolMaximum.getAsInt() - KEPT_FOR_APPLICATION) / CONNECTIONS_BUDGETED_PER_TENANT : WITHOUT_POOL_SIZE;
		return Math.max(1, Math.min(processors, byPool));
	}

}
