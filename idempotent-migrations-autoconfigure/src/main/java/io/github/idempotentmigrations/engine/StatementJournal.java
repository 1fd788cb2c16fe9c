package io.github.idempotentmigrations.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Which statements of a non-transactional migration have committed, kept in a small table
 * beside Flyway's history, each with a hash of its text. A migration that died half-way
 * (a killed connection, a failed {@code CREATE INDEX CONCURRENTLY}) then resumes at the
 * statement that failed: what committed is never run again, so a data change is not
 * applied twice, even when the script was edited after the failed statement; a committed
 * statement that was edited since stops the run. Rows of a migration are removed once it
 * succeeds.
 */
public final class StatementJournal {

	private final String table;

	/**
	 * Whether this instance created (or found) the table already: one CREATE per
	 * migration at most.
	 */
	private boolean tableReady;

	/**
	 * A journal kept in {@code table}.
	 * @param table the journal table, quoted and qualified (beside the history table,
	 * e.g. {@code "public"."flyway_schema_history_statements"})
	 */
	public StatementJournal(String table) {
		this.table = table;
	}

	/**
	 * The statements of this migration that committed in an earlier run, by statement
	 * number.
	 */
	public Map<Integer, Entry> committed(Connection connection, String migration) throws SQLException {
		Map<Integer, Entry> committed = new LinkedHashMap<>();
		if (!exists(connection)) {
			return committed;
		}
		try (PreparedStatement statement = connection.prepareStatement("SELECT statement_index, statement_hash,"
				+ " script_hash FROM " + this.table + " WHERE migration = ? ORDER BY statement_index")) {
			statement.setString(1, migration);
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					committed.put(rs.getInt(1), new Entry(rs.getString(2), rs.getString(3)));
				}
			}
		}
		return committed;
	}

	/**
	 * Records that a statement committed; runs in autocommit mode, right after the
	 * statement.
	 */
	void recordCommitted(Connection connection, String migration, int index, String sql, @Nullable String scriptText)
			throws SQLException {
		ensureTable(connection);
		insert(connection, migration, index, new Entry(hash(sql), (scriptText != null) ? hash(scriptText) : null));
	}

	/**
	 * A person's word: statements 1 to {@code upTo} of the migration committed (0: none
	 * did, it runs from the start); replaces what the journal held for it.
	 */
	public void takeAsCommitted(Connection connection, String migration, int upTo) throws SQLException {
		ensureTable(connection);
		try (PreparedStatement statement = connection
			.prepareStatement("DELETE FROM " + this.table + " WHERE migration = ?")) {
			statement.setString(1, migration);
			statement.executeUpdate();
		}
		for (int index = 1; index <= upTo; index++) {
			insert(connection, migration, index, new Entry(null, null));
		}
	}

	/**
	 * Forgets a migration that has now completed; an empty journal is dropped, so a
	 * converged schema holds nothing plain Flyway would not have built.
	 */
	void forget(Connection connection, String migration) throws SQLException {
		if (!exists(connection)) {
			return;
		}
		try (PreparedStatement statement = connection
			.prepareStatement("DELETE FROM " + this.table + " WHERE migration = ?")) {
			statement.setString(1, migration);
			statement.executeUpdate();
		}
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT EXISTS (SELECT 1 FROM " + this.table + ")")) {
			rs.next();
			if (!rs.getBoolean(1)) {
				statement.execute("DROP TABLE " + this.table);
				this.tableReady = false;
			}
		}
	}

	/** The hash a statement's text is journaled with. */
	public static String hash(String sql) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(sql.strip().getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

	private void insert(Connection connection, String migration, int index, Entry entry) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("INSERT INTO " + this.table
				+ " (migration, statement_index, statement_hash, script_hash) VALUES (?, ?, ?, ?)"
				+ " ON CONFLICT DO NOTHING")) {
			statement.setString(1, migration);
			statement.setInt(2, index);
			statement.setString(3, entry.sentHash());
			statement.setString(4, entry.scriptHash());
			statement.executeUpdate();
		}
	}

	private void ensureTable(Connection connection) throws SQLException {
		if (!this.tableReady) {
			try (Statement create = connection.createStatement()) {
				create.execute("CREATE TABLE IF NOT EXISTS " + this.table + " (migration text NOT NULL,"
						+ " statement_index integer NOT NULL, statement_hash text, script_hash text,"
						+ " committed_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (migration, statement_index))");
			}
			this.tableReady = true;
		}
	}

	boolean exists(Connection connection) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
			statement.setString(1, this.table);
			try (ResultSet rs = statement.executeQuery()) {
				rs.next();
				return rs.getBoolean(1);
			}
		}
	}

	/**
	 * One committed statement. Both hashes are null where a person said it committed
	 * ({@link #takeAsCommitted}).
	 *
	 * @param sentHash the hash of the statement as it was sent (placeholders replaced)
	 * @param scriptHash the hash of the statement as the script wrote it, so an edit can
	 * be seen before anything runs; null when the script's statement could not be told
	 */
	public record Entry(@Nullable String sentHash, @Nullable String scriptHash) {
	}

}
