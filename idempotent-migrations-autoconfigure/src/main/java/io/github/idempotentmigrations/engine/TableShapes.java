package io.github.idempotentmigrations.engine;

import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;

import io.github.idempotentmigrations.engine.catalog.DbObject;
import io.github.idempotentmigrations.engine.catalog.TableDetails;
import io.github.idempotentmigrations.engine.sql.Flag;
import io.github.idempotentmigrations.engine.sql.ObjectName;
import io.github.idempotentmigrations.engine.sql.TextSpan;

/**
 * What a {@code CREATE TABLE} fixes about a table besides its columns and constraints,
 * and that decides where rows go and whether they survive: a partition's parent and
 * bound, UNLOGGED, a partition key. A table equal in columns but not in these is another
 * table.
 */
final class TableShapes {

	private TableShapes() {
	}

	/**
	 * {@code CREATE TABLE ... PARTITION OF}: the existing table must be a partition of
	 * that parent, with its bound.
	 */
	static Verdict partition(Reconciliation r, ObjectName table, TableDetails actual) throws SQLException {
		TextSpan parentSpan = StatementRewriter.tableSpanAfterPartitionOf(r.statement.sql());
		if (parentSpan == null) {
			return r.unexplained();
		}
		ObjectName written = StatementRewriter.name(r.statement.sql(), parentSpan);
		Optional<DbObject> parentRelation = r.catalog.relation(written);
		if (parentRelation.isEmpty()) {
			return r.unexplained();
		}
		ObjectName parent = new ObjectName(parentRelation.get().schema(), written.name());
		String expected = "partition of " + parent + " " + Probe.createdPartition(r, table.name(), parentSpan, parent,
				r.catalog.describe(parent).partitionKey());
		if (actual.partitionParent() == null) {
			return Verdict.conflict(table,
					"table " + table + " exists but is not a partition of " + parent
							+ ": rows for its range do not reach it. Attach it (ALTER TABLE " + parent.toSql()
							+ " ATTACH PARTITION ...) or move its rows and drop it, then start again",
					expected, "table " + table + ", not attached");
		}
		String found = "partition of " + actual.partitionParent() + " " + actual.partitionBound();
		return expected.equals(found) ? Verdict.skipped(table, "partition already exists with the same bound")
				: Verdict.conflict(table,
						"table " + table + " exists as " + found + " where the statement creates a " + expected,
						expected, found);
	}

	/**
	 * How a table the statement creates (built by PostgreSQL in a probe) differs in
	 * storage or partitioning.
	 */
	static Optional<Verdict> conflict(Reconciliation r, ObjectName table, TableDetails expected, TableDetails actual) {
		String wantedPersistence = r.statement.has(Flag.UNLOGGED) ? "u" : "p";
		if (!r.statement.has(Flag.TEMPORARY) && !wantedPersistence.equals(actual.persistence())) {
			return Optional.of(Verdict.conflict(table,
					"table " + table + " exists " + persistence(actual.persistence())
							+ " where the statement creates it " + persistence(wantedPersistence),
					persistence(wantedPersistence), persistence(actual.persistence())));
		}
		if (actual.partitionParent() != null) {
			return Optional.of(Verdict.conflict(table,
					"table " + table + " exists as a partition of " + actual.partitionParent()
							+ " where the statement creates a table of its own",
					"table " + table, "partition of " + actual.partitionParent() + " " + actual.partitionBound()));
		}
		if (!Objects.equals(expected.partitionKey(), actual.partitionKey())) {
			return Optional.of(
					Verdict.conflict(
							table, "table " + table + " exists " + partitioning(actual)
									+ " where the statement creates it " + partitioning(expected),
							partitioning(expected), partitioning(actual)));
		}
		return Optional.empty();
	}

	private static String persistence(String relpersistence) {
		return "u".equals(relpersistence) ? "UNLOGGED (emptied after a crash)" : "logged (permanent)";
	}

	private static String partitioning(TableDetails table) {
		return (table.partitionKey() == null) ? "not partitioned" : "PARTITION BY " + table.partitionKey();
	}

}
