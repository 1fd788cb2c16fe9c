package io.github.idempotentmigrations.autoconfigure;

import java.sql.SQLException;
import java.util.Optional;

import io.github.idempotentmigrations.engine.SchemaConvergenceException;
import io.github.idempotentmigrations.engine.report.MigrationReport;
import io.github.idempotentmigrations.engine.report.MigrationResult;
import io.github.idempotentmigrations.engine.report.Outcome;
import io.github.idempotentmigrations.engine.report.StatementResult;
import io.github.idempotentmigrations.flyway.CredentialMasker;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a {@link SchemaConvergenceException} into Boot's "APPLICATION FAILED TO START":
 * the description names the migration, the statement, its SQLSTATE and what exists versus
 * what was expected; the action says what to do for that kind of failure.
 */
class SchemaConvergenceFailureAnalyzer extends AbstractFailureAnalyzer<SchemaConvergenceException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, SchemaConvergenceException cause) {
		Optional<FailedStatement> failed = FailedStatement.in(cause.report());
		String sqlState = failed.map((f) -> f.statement().sqlState()).orElseGet(() -> sqlState(cause));
		FailureKind kind = FailureKind.of(cause, failed.map(FailedStatement::statement), sqlState);
		return new FailureAnalysis(description(kind, cause, failed, sqlState), kind.action(), cause);
	}

	private static String description(FailureKind kind, SchemaConvergenceException cause,
			Optional<FailedStatement> failed, @Nullable String sqlState) {
		StringBuilder text = new StringBuilder(kind.reach()).append("\n\n")
			.append(CredentialMasker.mask(cause.getMessage()));
		failed.ifPresent((f) -> {
			StatementResult statement = f.statement();
			line(text, "Migration", f.migration().label() + " (" + f.migration().script() + ")");
			line(text, "Statement " + statement.index(), CredentialMasker.mask(statement.sql().strip()));
			line(text, "Outcome", statement.outcome() + ": " + CredentialMasker.mask(statement.reason()));
			line(text, "Expected", statement.expected());
			line(text, "Found", statement.actual());
		});
		line(text, "SQLSTATE", sqlState);
		return text.toString();
	}

	private static void line(StringBuilder text, String label, @Nullable String value) {
		if (value != null && !value.isBlank()) {
			text.append("\n\n").append(label).append(": ").append(value);
		}
	}

	private static @Nullable String sqlState(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && sql.getSQLState() != null) {
				return sql.getSQLState();
			}
		}
		return null;
	}

	/** The statement that stopped the run, with its migration. */
	private record FailedStatement(MigrationResult migration, StatementResult statement) {

		static Optional<FailedStatement> in(MigrationReport report) {
			if (report == null) {
				return Optional.empty();
			}
			for (MigrationResult migration : report.migrations()) {
				for (StatementResult statement : migration.statements()) {
					if (statement.outcome() == Outcome.FAILED || statement.outcome() == Outcome.CONFLICT) {
						return Optional.of(new FailedStatement(migration, statement));
					}
				}
			}
			return Optional.empty();
		}
	}

}
