package io.github.idempotentmigrations.conformance;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.idempotentmigrations.test.state.CatalogObjects;
import io.github.idempotentmigrations.test.state.HandMadeObject;
import io.github.idempotentmigrations.testsupport.DatabaseSnapshot;
import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

/**
 * A migration set ready to run: its Flyway folder, plain Flyway on it, and what plain
 * Flyway builds, computed once and shared by every starting state (the reference snapshot
 * and the catalog after each migration).
 */
final class ConformanceSet implements AutoCloseable {

	private final MigrationSet set;

	private final Path folder;

	private DatabaseSnapshot reference;

	/**
	 * The database plain Flyway migrated for the reference, kept as a template for the
	 * states that start there.
	 */
	private TestDatabase migrated;

	private Duration plainTime;

	private List<CatalogObjects> catalogs;

	ConformanceSet(MigrationSet set, Path root) {
		this.set = set;
		this.folder = set.materialize(root);
	}

	MigrationSet set() {
		return this.set;
	}

	String location() {
		return "filesystem:" + this.folder.toAbsolutePath();
	}

	/**
	 * Plain Flyway, no starter, up to {@code target} (inclusive); {@code 0} leaves the
	 * database untouched.
	 */
	Duration plainFlyway(TestDatabase database, int target) {
		long start = System.nanoTime();
		if (target > 0) {
			Flyway.configure()
				.dataSource(database.jdbcUrl(), database.user(), database.password())
				.locations(location())
				.target(String.valueOf(target))
				.load()
				.migrate();
		}
		return Duration.ofNanos(System.nanoTime() - start);
	}

	StarterRun start(TestDatabase database) {
		return StarterRun.on(database, location());
	}

	/**
	 * The folder of Flyway scripts {@code V1__...} to {@code Vn__...}, for states that
	 * copy and edit them.
	 */
	Path folder() {
		return this.folder;
	}

	/**
	 * A new database exactly as plain Flyway left it after every migration (a copy of the
	 * reference database): the starting point of the states that lose or edit something.
	 */
	synchronized TestDatabase migratedCopy() {
		reference();
		return TestDatabase.copyOf(this.migrated);
	}

	/** What plain Flyway builds from every migration on a fresh database. */
	synchronized DatabaseSnapshot reference() {
		if (this.reference == null) {
			TestDatabase database = TestDatabase.create();
			try {
				this.plainTime = plainFlyway(database, this.set.size());
				this.reference = DatabaseSnapshot.of(database);
			}
			catch (RuntimeException ex) {
				database.close();
				throw ex;
			}
			this.migrated = database;
		}
		return this.reference;
	}

	/** Drops the reference database. */
	@Override
	public synchronized void close() {
		if (this.migrated != null) {
			this.migrated.close();
			this.migrated = null;
		}
	}

	Duration plainTime() {
		reference();
		return this.plainTime;
	}

	/**
	 * The objects migration {@code version} adds to what migrations {@code 1..version-1}
	 * built.
	 */
	synchronized List<HandMadeObject> addedBy(int version) {
		if (this.catalogs == null) {
			// one plain Flyway run reading the catalog after each migration, on the
			// migration's own connection
			List<CatalogObjects> read = new ArrayList<>();
			try (TestDatabase database = TestDatabase.create()) {
				read.add(CatalogObjects.of(database));
				Flyway.configure()
					.dataSource(database.jdbcUrl(), database.user(), database.password())
					.locations(location())
					.callbacks(new AfterEachMigrate((context) -> read.add(CatalogObjects.of(context.getConnection()))))
					.load()
					.migrate();
			}
			if (read.size() != this.set.size() + 1) {
				throw new IllegalStateException("Read " + (read.size() - 1) + " catalogs for " + this.set.size()
						+ " migrations of " + this.set.name());
			}
			this.catalogs = read;
		}
		return this.catalogs.get(version).addedSince(this.catalogs.get(version - 1));
	}

	/**
	 * Runs {@code action} after each migration Flyway applies, before its transaction
	 * commits.
	 */
	private record AfterEachMigrate(java.util.function.Consumer<Context> action) implements Callback {

		@Override
		public boolean supports(Event event, Context context) {
			return event == Event.AFTER_EACH_MIGRATE;
		}

		@Override
		public boolean canHandleInTransaction(Event event, Context context) {
			return true;
		}

		@Override
		public void handle(Event event, Context context) {
			this.action.accept(context);
		}

		@Override
		public String getCallbackName() {
			return "conformance-catalog";
		}
	}

}
