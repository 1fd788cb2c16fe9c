package io.github.idempotentmigrations.flyway;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.github.idempotentmigrations.testsupport.TestDatabase;

/**
 * A {@code CREATE INDEX CONCURRENTLY} held in its last wait, for a snapshot older than
 * it, until closed: the index is INVALID meanwhile, and the build in the progress view.
 */
final class HeldIndexBuild implements AutoCloseable {

	private final Connection oldSnapshot;

	private final ExecutorService builder = Executors.newSingleThreadExecutor();

	private final Future<?> build;

	private HeldIndexBuild(TestDatabase db, String table, String createIndex) throws Exception {
		this.oldSnapshot = db.connect();
		this.oldSnapshot.setAutoCommit(false);
		try (Statement reader = this.oldSnapshot.createStatement()) {
			reader.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
			reader.executeQuery("SELECT count(*) FROM " + table).close();
		}
		this.build = this.builder.submit(() -> db.execute(createIndex));
		while (db.query("SELECT 1 FROM pg_stat_progress_create_index WHERE phase LIKE 'waiting for old snapshots%'")
			.isEmpty()) {
			Thread.sleep(20);
		}
	}

	/** Starts {@code createIndex} (on {@code table}) and returns once it waits. */
	static HeldIndexBuild start(TestDatabase db, String table, String createIndex) throws Exception {
		return new HeldIndexBuild(db, table, createIndex);
	}

	/** Lets the build finish, and waits for it. */
	@Override
	public void close() throws Exception {
		try {
			this.oldSnapshot.commit();
			this.build.get(30, TimeUnit.SECONDS);
		}
		finally {
			this.builder.shutdownNow();
			closeQuietly(this.oldSnapshot);
		}
	}

	private static void closeQuietly(Connection connection) {
		try {
			connection.close();
		}
		catch (SQLException ex) {
			// the build's outcome is what the test reads
		}
	}

}
