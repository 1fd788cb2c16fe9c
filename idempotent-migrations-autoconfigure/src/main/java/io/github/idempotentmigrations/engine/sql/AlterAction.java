package io.github.idempotentmigrations.engine.sql;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * One comma-separated action of an {@code ALTER TABLE} statement.
 *
 * @param kind what the action does
 * @param name what it acts on (folded): its column or constraint; for {@code RENAME TO}
 * the new table name, for {@code SET SCHEMA} the new schema, for {@code ATTACH PARTITION}
 * the partition; null when the action names none (an unnamed {@code ADD CONSTRAINT}, most
 * {@code OTHER} actions)
 * @param newName the new name for renames, else null
 * @param constraintType for {@link Kind#ADD_CONSTRAINT}: PRIMARY KEY, UNIQUE, FOREIGN
 * KEY, CHECK or EXCLUDE; else null
 * @param flags {@link Flag#IF_NOT_EXISTS} for an {@code ADD COLUMN IF NOT EXISTS}; empty
 * otherwise
 * @param text the action's exact source text (e.g. {@code ADD COLUMN x int NOT NULL}),
 * trimmed; {@code "ALTER TABLE t " + text} is a runnable statement
 */
public record AlterAction(Kind kind, @Nullable String name, @Nullable String newName, @Nullable String constraintType,
		Set<Flag> flags, String text) {

	public AlterAction {
		flags = Set.copyOf(flags);
	}

	public boolean has(Flag flag) {
		return this.flags.contains(flag);
	}

	public enum Kind {

		/** {@code ADD [COLUMN]}. */
		ADD_COLUMN,
		/** {@code DROP [COLUMN]}. */
		DROP_COLUMN,
		/** {@code ALTER [COLUMN] c [SET DATA] TYPE ...}. */
		ALTER_COLUMN_TYPE,
		/** {@code ALTER [COLUMN] c SET DEFAULT ...}. */
		ALTER_COLUMN_SET_DEFAULT,
		/** {@code ALTER [COLUMN] c DROP DEFAULT}. */
		ALTER_COLUMN_DROP_DEFAULT,
		/** {@code ALTER [COLUMN] c SET NOT NULL}. */
		ALTER_COLUMN_SET_NOT_NULL,
		/** {@code ALTER [COLUMN] c DROP NOT NULL}. */
		ALTER_COLUMN_DROP_NOT_NULL,
		/** {@code ADD [CONSTRAINT n]} a table constraint. */
		ADD_CONSTRAINT,
		/** {@code DROP CONSTRAINT}. */
		DROP_CONSTRAINT,
		/** {@code RENAME [COLUMN] a TO b}. */
		RENAME_COLUMN,
		/** {@code RENAME CONSTRAINT a TO b}. */
		RENAME_CONSTRAINT,
		/** {@code RENAME TO}: the table itself. */
		RENAME_TABLE,
		/**
		 * Anything else ({@code ATTACH PARTITION},
		 * {@code ALTER c ADD GENERATED ... AS IDENTITY}, SET, OWNER TO, ENABLE ROW LEVEL
		 * SECURITY, ...): run as written.
		 */
		OTHER

	}
}
