package io.github.idempotentmigrations.javamigration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Base class for Flyway Java migrations written with {@link IdempotentOperations}. Name
 * the class as Flyway expects ({@code V7__add_groups}); override
 * {@link #canExecuteInTransaction()} to return false for concurrent index builds.
 */
public abstract class IdempotentJavaMigration extends BaseJavaMigration {

	@Override
	public final void migrate(Context context) throws Exception {
		String version = (getVersion() != null) ? getVersion().getVersion() : null;
		migrate(IdempotentOperations.of(context.getConnection(),
				((version != null) ? "V" + version + " " : "") + getDescription()));
	}

	/**
	 * The migration: idempotent operations on the migration's connection, recorded in the
	 * run's report.
	 */
	protected abstract void migrate(IdempotentOperations ops) throws Exception;

}
