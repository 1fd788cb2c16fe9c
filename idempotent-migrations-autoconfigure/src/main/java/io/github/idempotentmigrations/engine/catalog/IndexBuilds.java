package io.github.idempotentmigrations.engine.catalog;

/**
 * What the catalog tells of index builds other sessions are running right now.
 */
public final class IndexBuilds {

	private IndexBuilds() {
	}

	/**
	 * The condition that another session of this database is building the index {@code x}
	 * (a {@code pg_index} row) now. The progress view lists the builds of every database
	 * of the server (databases copied from one template share their relations' oids). A
	 * REINDEX CONCURRENTLY builds its new index ({@code _ccnew}) and leaves the old one
	 * ({@code _ccold}) INVALID while it names another: every index of its table counts.
	 * Another role's build is shown without its index or table: it counts when it holds
	 * the lock a REINDEX takes on x itself (planning a query on x's table takes a weaker
	 * one) or the lock a concurrent build takes on x's table. (So another INVALID index
	 * of a table a concurrent REINDEX or another role's concurrent build is working on
	 * counts too, until that build ends.)
	 */
	public static final String BUILDING_X_ELSEWHERE = """
			EXISTS (SELECT 1 FROM pg_stat_progress_create_index p
			    WHERE p.pid <> pg_backend_pid() AND p.datname = current_database()
			      AND (p.index_relid = x.indexrelid
			        OR (p.command = 'REINDEX CONCURRENTLY' AND p.relid = x.indrelid)
			        OR (p.index_relid IS NULL AND EXISTS (SELECT 1 FROM pg_locks l
			          WHERE l.pid = p.pid AND l.locktype = 'relation' AND l.database = p.datid AND l.granted
			            AND ((l.relation = x.indexrelid AND l.mode = 'AccessExclusiveLock')
			              OR (l.relation = x.indrelid AND l.mode = 'ShareUpdateExclusiveLock'))))))
			""";

}
