package io.github.idempotentmigrations.engine;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import io.github.idempotentmigrations.engine.catalog.Constraint;
import io.github.idempotentmigrations.engine.catalog.LiveCatalog.Definition;
import io.github.idempotentmigrations.engine.catalog.TableDetails;
import io.github.idempotentmigrations.engine.sql.ObjectName;
import io.github.idempotentmigrations.engine.sql.SqlLexer;
import io.github.idempotentmigrations.engine.sql.TextSpan;
import io.github.idempotentmigrations.engine.sql.Token;
import io.github.idempotentmigrations.engine.sql.TokenType;
import org.jspecify.annotations.Nullable;

/**
 * Lets PostgreSQL itself say what a statement would build: the statement (or an
 * {@code ALTER} action) runs in the session's own temporary schema under a savepoint, the
 * catalog is read, and everything is rolled back. Comparing that with the real object
 * avoids re-implementing PostgreSQL's type names, default and constraint deparsing.
 * {@code pg_temp} needs no right the migration lacks (no schema is created) and can hold
 * no user object. A temporary table may reference only temporary tables, so each table a
 * probe references gets a temporary stand-in of the same name (its columns and unique
 * keys), which the foreign key's description names as it names the real one.
 */
final class Probe {

	static final String SCHEMA = "pg_temp";

	private Probe() {
	}

	/**
	 * The table the statement builds, re-pointed from its target name to the probe
	 * schema.
	 */
	static TableDetails createdTable(Reconciliation r, String name) throws SQLException {
		ObjectName probe = new ObjectName(SCHEMA, name);
		return r.rolledBack(() -> {
			run(r, StatementRewriter.withoutUnlogged(repointed(r, probe)), name);
			return r.catalog.describe(probe);
		});
	}

	/**
	 * The bound of the partition the statement creates, built under a temporary stand-in
	 * of its parent (a temporary table cannot be a partition of a permanent one).
	 */
	static @Nullable String createdPartition(Reconciliation r, String name, TextSpan parentSpan, ObjectName parent,
			@Nullable String partitionKey) throws SQLException {
		ObjectName probe = new ObjectName(SCHEMA, name);
		ObjectName standIn = new ObjectName(SCHEMA, parent.name());
		// the parent's name comes after the target's: replaced first, the target's
		// offsets still hold
		String statement = StatementRewriter.replace(
				StatementRewriter.replace(r.statement.sql(), parentSpan, standIn.toSql()), r.statement.targetSpan(),
				probe.toSql());
		return r.rolledBack(() -> {
			run(r, "CREATE TABLE " + standIn.toSql() + " (LIKE " + parent.toSql() + ") PARTITION BY " + partitionKey
					+ "; " + StatementRewriter.withoutUnlogged(statement), name);
			return r.catalog.describe(probe).partitionBound();
		});
	}

	/**
	 * The table a statement or {@code ALTER} action would produce when applied to an
	 * empty copy of {@code table}.
	 * @param dropFirst a column to remove from the copy first (one an {@code ADD COLUMN}
	 * re-creates), or null
	 * @param sqlOnCopy builds the SQL to run on the copy, given the copy's quoted name
	 */
	static TableDetails onEmptyCopy(Reconciliation r, ObjectName table, @Nullable String dropFirst,
			Function<String, String> sqlOnCopy) throws SQLException {
		ObjectName copy = new ObjectName(SCHEMA, table.name());
		String onCopy = sqlOnCopy.apply(copy.toSql());
		StringBuilder sql = new StringBuilder("CREATE TABLE ").append(copy.toSql())
			.append(" (LIKE ")
			.append(table.toSql())
			.append(" INCLUDING DEFAULTS INCLUDING IDENTITY INCLUDING GENERATED)");
		// a foreign key to the table itself finds the copy first (pg_temp is searched
		// first): it needs the table's keys
		boolean selfReference = references(onCopy, null).stream().anyMatch((ref) -> ref.name().equals(table.name()));
		if (selfReference) {
			for (Constraint key : r.catalog.describe(table).constraints().values()) {
				if ("pu".contains(key.type())) {
					sql.append("; ALTER TABLE ")
						.append(copy.toSql())
						.append(" ADD CONSTRAINT ")
						.append(ObjectName.quote(key.name()))
						.append(' ')
						.append(key.definition());
				}
			}
		}
		if (dropFirst != null) {
			sql.append("; ALTER TABLE ")
				.append(copy.toSql())
				.append(" DROP COLUMN ")
				.append(ObjectName.quote(dropFirst));
		}
		return r.rolledBack(() -> {
			run(r, sql.toString(), table.name());
			// the keys given for a self-reference are the table's own, not what the
			// statement builds
			TableDetails keys = selfReference ? r.catalog.describe(copy) : null;
			run(r, onCopy, table.name());
			TableDetails built = r.catalog.describe(copy);
			return (keys != null) ? built.without(keys) : built;
		});
	}

	/**
	 * The definition of the schema-level object the statement builds, read as the real
	 * one is read.
	 */
	static Optional<String> createdDefinition(Reconciliation r, Definition kind, String name) throws SQLException {
		ObjectName probe = new ObjectName(SCHEMA, name);
		return r.rolledBack(() -> {
			run(r, repointed(r, probe), name);
			String temporary = r.catalog.temporarySchema();
			return r.catalog.definition(kind, probe).map((d) -> withoutProbeSchema(d, temporary));
		});
	}

	/**
	 * The routines (identity arguments to definition, without the probe's schema) the
	 * statement builds.
	 */
	static Map<String, String> createdRoutines(Reconciliation r, String name) throws SQLException {
		ObjectName probe = new ObjectName(SCHEMA, name);
		return r.rolledBack(() -> {
			run(r, repointed(r, probe), name);
			String temporary = r.catalog.temporarySchema();
			Map<String, String> routines = new LinkedHashMap<>();
			r.catalog.routines(new ObjectName(temporary, name))
				.forEach((identity, definition) -> routines.put(identity, withoutProbeSchema(definition, temporary)));
			return routines;
		});
	}

	/**
	 * A probe's definition without its schema: PostgreSQL prints the session's temporary
	 * schema by its own name ({@code pg_temp_3}) in some versions and places,
	 * {@code pg_temp} in others.
	 */
	static String withoutProbeSchema(String definition, String temporarySchema) {
		return withoutSchema(withoutSchema(definition, temporarySchema), SCHEMA);
	}

	/**
	 * A definition with {@code schema.} prefixes removed, so the probe's and the real one
	 * compare.
	 */
	static String withoutSchema(String definition, String schema) {
		return definition.replace(ObjectName.quote(schema) + ".", "").replace(schema + ".", "");
	}

	private static String repointed(Reconciliation r, ObjectName probe) {
		return StatementRewriter.replace(r.statement.sql(), r.statement.targetSpan(), probe.toSql());
	}

	/** Runs the probe's SQL after a stand-in for every other table it references. */
	private static void run(Reconciliation r, String sql, String probeName) throws SQLException {
		List<Reference> references = references(sql, probeName);
		StringBuilder standIns = new StringBuilder();
		Set<String> made = new HashSet<>();
		for (Reference reference : references) {
			if (made.add(reference.name())) {
				standIns.append("CREATE TABLE ")
					.append(new ObjectName(SCHEMA, reference.name()).toSql())
					.append(" (LIKE ")
					.append(sql, reference.start(), reference.end())
					.append(" INCLUDING INDEXES); ");
			}
		}
		String probe = sql;
		for (int i = references.size() - 1; i >= 0; i--) {
			Reference reference = references.get(i);
			probe = StatementRewriter.replace(probe, new TextSpan(reference.start(), reference.end()),
					new ObjectName(SCHEMA, reference.name()).toSql());
		}
		try (Statement statement = r.connection.createStatement()) {
			statement.execute(standIns + probe);
		}
	}

	/**
	 * The tables named after {@code REFERENCES}, but the probe's own (a self-reference
	 * finds the probe).
	 */
	private static List<Reference> references(String sql, @Nullable String probeName) {
		List<Token> tokens = SqlLexer.tokenize(sql);
		List<Reference> references = new ArrayList<>();
		for (int i = 0; i + 1 < tokens.size(); i++) {
			if (!tokens.get(i).isKeyword("references") || !isName(tokens.get(i + 1))) {
				continue;
			}
			int last = i + 1;
			while (last + 2 < tokens.size() && tokens.get(last + 1).type() == TokenType.DOT
					&& isName(tokens.get(last + 2))) {
				last += 2;
			}
			String name = tokens.get(last).value();
			if (!name.equals(probeName)) {
				references.add(new Reference(tokens.get(i + 1).start(), tokens.get(last).end(), name));
			}
		}
		return references;
	}

	private static boolean isName(Token token) {
		return token.type() == TokenType.IDENTIFIER || token.type() == TokenType.QUOTED_IDENTIFIER;
	}

	private record Reference(int start, int end, String name) {
	}

}
