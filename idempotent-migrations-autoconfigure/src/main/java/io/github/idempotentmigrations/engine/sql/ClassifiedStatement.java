package io.github.idempotentmigrations.engine.sql;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The result of classifying one SQL statement.
 *
 * <p>
 * Which fields are set depends on {@link #kind()}:
 * <ul>
 * <li>{@code target}: the object created, altered, dropped (the first of a list), renamed
 * (its old name), written (INSERT/UPDATE/DELETE/TRUNCATE/COPY), or commented on; an
 * unnamed {@code CREATE INDEX} has none;</li>
 * <li>{@code table}: the table an index, trigger or policy is on (for others null);</li>
 * <li>{@code objectType}: for DROP, RENAME_OTHER and COMMENT the object type as written,
 * upper case, single spaced ({@code TABLE}, {@code INDEX}, {@code MATERIALIZED VIEW},
 * {@code TYPE}, ...);</li>
 * <li>{@code targets}: for DROP every name listed (first one is also
 * {@code target});</li>
 * <li>{@code newName}: for RENAME_INDEX / RENAME_OTHER the new unqualified name; for
 * ALTER_TYPE_ADD_VALUE and ALTER_TYPE_RENAME_VALUE the (new) enum label, unquoted;</li>
 * <li>{@code elements}: for CREATE_TABLE the column/constraint list; empty
 * otherwise;</li>
 * <li>{@code actions}: for ALTER_TABLE the actions; empty otherwise.</li>
 * </ul>
 *
 * @param sql the statement exactly as given
 * @param kind what it does
 * @param target see above
 * @param table see above
 * @param objectType see above
 * @param targets see above
 * @param newName see above
 * @param flags the statement's own modifiers that {@link Flag} records
 * @param elements see above
 * @param actions see above
 * @param targetSpan where {@code target}'s name is written (including schema
 * qualification and quotes) in {@code sql}, or null when there is no target; lets the
 * engine re-point a statement at another name
 */
public record ClassifiedStatement(String sql, StatementKind kind, @Nullable ObjectName target,
		@Nullable ObjectName table, @Nullable String objectType, List<ObjectName> targets, @Nullable String newName,
		Set<Flag> flags, List<TableElement> elements, List<AlterAction> actions, @Nullable TextSpan targetSpan) {

	public ClassifiedStatement {
		targets = (targets != null) ? List.copyOf(targets) : List.of();
		flags = Set.copyOf(flags);
		elements = (elements != null) ? List.copyOf(elements) : List.of();
		actions = (actions != null) ? List.copyOf(actions) : List.of();
	}

	/** A statement the classifier does not recognise. */
	public static ClassifiedStatement unknown(String sql) {
		return new ClassifiedStatement(sql, StatementKind.UNKNOWN, null, null, null, null, null, Set.of(), null, null,
				null);
	}

	public boolean has(Flag flag) {
		return this.flags.contains(flag);
	}
}
