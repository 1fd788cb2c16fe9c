package io.github.idempotentmigrations.engine;

import java.sql.SQLException;
import java.util.List;

import io.github.idempotentmigrations.engine.sql.Flag;
import io.github.idempotentmigrations.engine.sql.SqlLexer;
import io.github.idempotentmigrations.engine.sql.Token;

/**
 * {@code DROP ...} that PostgreSQL refused because an object is already gone: the same
 * statement runs again with {@code IF EXISTS}, so PostgreSQL drops what is there (all of
 * a list, with the same CASCADE) and says what it skipped.
 */
final class DropReconciler {

	private DropReconciler() {
	}

	static Verdict reconcile(Reconciliation r) throws SQLException {
		String object = String.join(", ", r.statement.targets().stream().map(Object::toString).toList());
		if (r.attempt.ran()) {
			return (r.attempt.skippedAsMissing() >= r.statement.targets().size())
					? Verdict.skipped(object, "already absent") : Verdict.applied(object, "dropped what was present");
		}
		if (r.statement.has(Flag.IF_EXISTS) || r.statement.objectType() == null) {
			return r.unexplained();
		}
		Attempt again = r.runDerived(withIfExists(r.statement.sql(), r.statement.objectType()));
		if (!again.ran()) {
			return r.unexplained();
		}
		if (again.skippedAsMissing() >= Math.max(1, r.statement.targets().size())) {
			return Verdict.skipped(object, "already absent");
		}
		return Verdict.reconciled(object,
				"dropped what was present; " + again.skippedAsMissing() + " of the objects named were already absent");
	}

	/**
	 * {@code DROP <type> [CONCURRENTLY] name ...} as
	 * {@code DROP <type> [CONCURRENTLY] IF EXISTS name ...}.
	 */
	static String withIfExists(String sql, String objectType) {
		List<Token> tokens = SqlLexer.tokenize(sql);
		int last = objectType.split(" ").length;
		if (last + 1 < tokens.size() && tokens.get(last + 1).isKeyword("concurrently")) {
			last++;
		}
		int at = tokens.get(last).end();
		return sql.substring(0, at) + " IF EXISTS" + sql.substring(at);
	}

}
