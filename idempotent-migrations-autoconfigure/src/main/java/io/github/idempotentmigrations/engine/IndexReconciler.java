package io.github.idempotentmigrations.engine;

import java.sql.SQLException;
import java.util.Optional;

import io.github.idempotentmigrations.engine.catalog.DbObject;
import io.github.idempotentmigrations.engine.catalog.Index;
import io.github.idempotentmigrations.engine.catalog.TableDetails;
import io.github.idempotentmigrations.engine.sql.ObjectName;
import io.github.idempotentmigrations.engine.sql.TextSpan;

/**
 * {@code CREATE [UNIQUE] INDEX [CONCURRENTLY]} whose name PostgreSQL found taken: an
 * equal valid index is kept; an INVALID leftover of a failed concurrent build that no
 * other session is building is dropped and rebuilt; anything else is a conflict.
 * Definitions are compared by building the index on an empty copy of the table, so
 * PostgreSQL's own deparsing decides.
 */
final class IndexReconciler {

	private IndexReconciler() {
	}

	static Verdict reconcile(Reconciliation r) throws SQLException {
		if (r.statement.target() == null || r.statement.table() == null) {
			return r.unexplained();
		}
		Optional<DbObject> tableRelation = r.catalog.relation(r.statement.table());
		if (tableRelation.isEmpty()) {
			return r.unexplained();
		}
		ObjectName table = new ObjectName(tableRelation.get().schema(), r.statement.table().name());
		ObjectName index = new ObjectName(table.schema(), r.statement.target().name());
		TableDetails details = r.catalog.describe(table);
		Index existing = details.indexes().get(index.name());
		if (existing == null) {
			Optional<DbObject> relation = r.catalog.relation(index);
			String found = relation.map((o) -> RelationKinds.describe(o.kind()) + " " + index).orElse("another object");
			return Verdict.conflict(index, "a relation named " + index + " exists, but not as an index on " + table,
					"index on " + table, found);
		}
		if (!existing.valid()) {
			return rebuild(r, index);
		}
		String wanted = expectedShape(r, table);
		if (existing.shape().equals(wanted)) {
			return Verdict.skipped(index, "index exists with the same definition");
		}
		return Verdict.conflict(index, "index " + index + " exists with another definition", wanted, existing.shape());
	}

	private static Verdict rebuild(Reconciliation r, ObjectName index) throws SQLException {
		if (r.catalog.indexBeingBuiltElsewhere(index)) {
			return Verdict.conflict(index, "index " + index + " is INVALID and another session is building it now;"
					+ " start again once that build has finished", "a valid index", "an index being built");
		}
		r.runDerivedOrFail((r.inTransaction() ? "DROP INDEX " : "DROP INDEX CONCURRENTLY ") + index.toSql());
		r.runDerivedOrFail(r.statement.sql());
		return Verdict.reconciled(index, "dropped the INVALID leftover of a failed concurrent build and rebuilt it");
	}

	private static String expectedShape(Reconciliation r, ObjectName table) throws SQLException {
		String sql = StatementRewriter.withoutConcurrently(r.statement.sql());
		TextSpan tableSpan = StatementRewriter.tableSpanAfterOn(sql);
		TableDetails probed = Probe.onEmptyCopy(r, table, null,
				(copy) -> StatementRewriter.replace(sql, tableSpan, copy));
		return probed.indexes()
			.values()
			.stream()
			.map(Index::shape)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("probe built no index for " + r.statement.sql()));
	}

}
