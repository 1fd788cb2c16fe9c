package io.github.idempotentmigrations.flyway;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.github.idempotentmigrations.engine.StatementJournal;
import io.github.idempotentmigrations.engine.StopReason;
import io.github.idempotentmigrations.engine.report.RepairAction;
import io.github.idempotentmigrations.engine.sql.ClassifiedStatement;
import io.github.idempotentmigrations.engine.sql.SqlScriptSplitter;
import io.github.idempotentmigrations.engine.sql.StatementClassifier;
import io.github.idempotentmigrations.engine.sql.StatementKind;
import org.flywaydb.core.api.MigrationInfo;

/**
 * How a migration recorded as failed goes on, from facts only. Its statement journal says
 * which statements committed: it resumes after them. Without a journal entry (it failed
 * under plain Flyway, or before the journal existed) progress is unknown: it runs again
 * from the start only when none of its statements can change rows twice (DDL is
 * reconciled on PostgreSQL's refusals); otherwise startup stops before anything changes,
 * naming those statements, until a person says where it stopped
 * ({@code repair.resume-after}).
 */
final class FailedMigrationResume {

	private static final String PROPERTY = "idempotent-migrations.repair.resume-after";

	/**
	 * Kinds that leave rows alone when run twice: a second CREATE or RENAME is refused
	 * and reconciled, a grant or comment is the same again. DROP, ALTER TABLE with USING
	 * or DROP, and everything else may change rows.
	 */
	private static final Set<StatementKind> REPEATABLE = EnumSet.of(StatementKind.CREATE_TABLE,
			StatementKind.CREATE_TABLE_AS, StatementKind.ALTER_TABLE, StatementKind.CREATE_INDEX,
			StatementKind.RENAME_INDEX, StatementKind.CREATE_ENUM_TYPE, StatementKind.CREATE_COMPOSITE_TYPE,
			StatementKind.CREATE_OTHER_TYPE, StatementKind.CREATE_DOMAIN, StatementKind.ALTER_TYPE_ADD_VALUE,
			StatementKind.ALTER_TYPE_RENAME_VALUE, StatementKind.CREATE_SEQUENCE, StatementKind.CREATE_SCHEMA,
			StatementKind.CREATE_EXTENSION, StatementKind.CREATE_VIEW, StatementKind.CREATE_MATERIALIZED_VIEW,
			StatementKind.CREATE_FUNCTION, StatementKind.CREATE_PROCEDURE, StatementKind.CREATE_TRIGGER,
			StatementKind.CREATE_POLICY, StatementKind.RENAME_OTHER, StatementKind.COMMENT, StatementKind.GRANT,
			StatementKind.REVOKE);

	private static final Pattern ALTER_THAT_REWRITES_OR_DROPS = Pattern.compile("(?is).*\\b(USING|DROP)\\b.*");

	// Session settings and maintenance: run twice, they change no row.
	private static final Pattern HARMLESS_UTILITY = Pattern
		.compile("(?is)^\\s*(SET|RESET|ANALYZE|VACUUM|REFRESH\\s+MATERIALIZED\\s+VIEW|REINDEX)\\b.*");

	private final PersonsWord word;

	private final PendingScripts scripts;

	FailedMigrationResume(PersonsWord word, PendingScripts scripts) {
		this.word = word;
		this.scripts = scripts;
	}

	/**
	 * Checks that every failed migration can go on from facts or a person's word; records
	 * a problem for each that cannot, without changing anything.
	 */
	void check(List<MigrationInfo> failed, Connection session, StatementJournal journal, StartupReport report)
			throws SQLException {
		warnAboutWordsForNoFailure(failed, report);
		for (MigrationInfo migration : failed) {
			String id = id(migration);
			Map<Integer, StatementJournal.Entry> committed = journal.committed(session, id);
			if (knownFromJournal(committed)) {
				if (this.word.resumeAfter().containsKey(id)) {
					report.warn(PROPERTY + "[" + id + "] is ignored: the statement journal says where migration "
							+ InspectionResult.label(migration) + " stopped (" + committed.size() + " statements"
							+ " committed); remove the setting");
				}
				editedSinceCommitted(migration, committed)
					.ifPresent((edited) -> report.problem(StopReason.REPAIR_SETTING, edited));
				continue;
			}
			Optional<String> script = this.scripts.script(migration);
			List<String> statements = script.map(SqlScriptSplitter::split).orElse(List.of());
			Integer upTo = this.word.resumeAfter().get(id);
			if (upTo != null) {
				int most = statements.size();
				if (upTo < 0 || upTo > most) {
					report.problem(StopReason.REPAIR_SETTING,
							PROPERTY + "[" + id + "]=" + upTo + " names no statement of migration "
									+ InspectionResult.label(migration) + ": it takes 0 (run it from the start) to "
									+ most + " (its statements as the script splits them). Nothing was changed");
				}
				continue;
			}
			if (script.isEmpty()) {
				report.problem(StopReason.REPAIR_SETTING,
						"Migration " + InspectionResult.label(migration) + " failed in an earlier run and is not"
								+ " a SQL script, so which of its changes committed cannot be told. Set " + PROPERTY
								+ "[" + id
								+ "]=0 to run it again from the start once you know that is safe. Nothing was changed");
				continue;
			}
			if (!Objects.equals(migration.getAppliedChecksum(), migration.getResolvedChecksum())) {
				report.problem(StopReason.REPAIR_SETTING, "Migration " + InspectionResult.label(migration)
						+ " failed in an earlier run without a"
						+ " statement journal, and its script has been edited since, so what committed then cannot be"
						+ " read from the script now. Look at what the database holds, then say where it stopped with "
						+ PROPERTY + "[" + id + "]=<the last statement of the script as it is now that has taken"
						+ " effect>, or " + PROPERTY + "[" + id + "]=0 to run it again from the start. Nothing was"
						+ " changed");
				continue;
			}
			List<String> risky = new ArrayList<>();
			for (int index = 0; index < statements.size(); index++) {
				if (mayChangeRowsTwice(StatementClassifier.classify(statements.get(index)))) {
					risky.add("statement " + (index + 1) + ": " + oneLine(statements.get(index)));
				}
			}
			if (!risky.isEmpty()) {
				report.problem(StopReason.REPAIR_SETTING, unknownProgress(migration, id, statements.size(), risky));
			}
		}
	}

	/**
	 * A journal that recorded statements as they committed is a fact; a person's word
	 * alone is not one.
	 */
	private static boolean knownFromJournal(Map<Integer, StatementJournal.Entry> committed) {
		return committed.values().stream().anyMatch((entry) -> entry.sentHash() != null);
	}

	private void warnAboutWordsForNoFailure(List<MigrationInfo> failed, StartupReport report) {
		Set<String> failedIds = failed.stream().map(FailedMigrationResume::id).collect(Collectors.toSet());
		this.word.resumeAfter()
			.keySet()
			.stream()
			.filter((id) -> !failedIds.contains(id))
			.forEach((id) -> report.warn(PROPERTY + "[" + id + "] is ignored: no migration " + id
					+ " is recorded as failed; remove the setting"));
	}

	/**
	 * A statement the journal says committed whose text the script no longer has: what
	 * ran and what the script says cannot both be true. An edit after the committed
	 * statements (the usual fix of the failed one) is fine.
	 */
	private Optional<String> editedSinceCommitted(MigrationInfo migration,
			Map<Integer, StatementJournal.Entry> committed) {
		List<String> statements = this.scripts.statementsOf(migration);
		List<Integer> edited = committed.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().scriptHash() != null)
			.filter((entry) -> entry.getKey() > statements.size()
					|| !entry.getValue().scriptHash().equals(StatementJournal.hash(statements.get(entry.getKey() - 1))))
			.map(Map.Entry::getKey)
			.toList();
		if (edited.isEmpty()) {
			return Optional.empty();
		}
		String id = id(migration);
		return Optional.of("Migration " + InspectionResult.label(migration) + " stopped half-way in an earlier run,"
				+ " and its script has been edited since in statement "
				+ edited.stream().map(String::valueOf).collect(Collectors.joining(", "))
				+ ", which had committed: what ran is not what the script says now. Restore the statement as it ran"
				+ " (a change belongs in a new migration), or say where to resume: " + PROPERTY + "[" + id + "]="
				+ committed.size() + " takes statements 1 to " + committed.size() + " as committed, " + PROPERTY + "["
				+ id + "]=0 runs it again from the start. Nothing was changed");
	}

	/**
	 * Writes a person's word into the journal, where the engine resumes from, unless the
	 * journal knows better; the rest resume by facts.
	 */
	void applyPersonsWord(List<MigrationInfo> failed, Connection session, StatementJournal journal,
			StartupReport report) throws SQLException {
		for (MigrationInfo migration : failed) {
			String id = id(migration);
			Integer upTo = this.word.resumeAfter().get(id);
			if (upTo != null && !knownFromJournal(journal.committed(session, id))) {
				journal.takeAsCommitted(session, id, upTo);
				report.repaired(RepairAction.Kind.FAILED_MIGRATION, InspectionResult.label(migration),
						(upTo == 0) ? "runs again from the start (" + PROPERTY + "[" + id + "]=0)"
								: "statements 1 to " + upTo + " taken as committed and not run again (" + PROPERTY + "["
										+ id + "]=" + upTo + ")");
			}
		}
	}

	/**
	 * The migration as the journal and {@code resume-after} name it: its version, or its
	 * script when repeatable.
	 */
	static String id(MigrationInfo migration) {
		return (migration.getVersion() != null) ? migration.getVersion().getVersion() : migration.getScript();
	}

	private static boolean mayChangeRowsTwice(ClassifiedStatement statement) {
		if (statement.kind() == StatementKind.UTILITY) {
			return !HARMLESS_UTILITY.matcher(statement.sql()).matches();
		}
		if (statement.kind() == StatementKind.DROP) {
			return !"INDEX".equals(String.valueOf(statement.objectType()).toUpperCase(Locale.ROOT));
		}
		if (statement.kind() == StatementKind.ALTER_TABLE) {
			return ALTER_THAT_REWRITES_OR_DROPS.matcher(statement.sql()).matches();
		}
		return !REPEATABLE.contains(statement.kind());
	}

	private static String unknownProgress(MigrationInfo migration, String id, int statements, List<String> risky) {
		return "Migration " + InspectionResult.label(migration) + " failed in an earlier run without a statement"
				+ " journal (under plain Flyway, or before the starter kept one), so which of its statements committed"
				+ " is not known, and running it again could apply these twice:\n     " + String.join("\n     ", risky)
				+ "\n   Look at what the database holds, then say where it stopped: " + PROPERTY + "[" + id + "]="
				+ (statements - 1) + " when statement " + statements + " is the one that"
				+ " failed (the number is the last statement that committed), or " + PROPERTY + "[" + id + "]=0 to"
				+ " run it again from the start. Nothing was changed";
	}

	private static String oneLine(String sql) {
		String line = sql.replaceAll("\\s+", " ").strip();
		return (line.length() > 200) ? line.substring(0, 200) + " ..." : line;
	}

}
