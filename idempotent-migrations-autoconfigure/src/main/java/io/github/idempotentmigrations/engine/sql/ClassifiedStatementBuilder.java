package io.github.idempotentmigrations.engine.sql;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Collects what the parsers find out about a statement; {@link #build} fixes its kind.
 */
final class ClassifiedStatementBuilder {

	private final String sql;

	private final Set<Flag> flags = EnumSet.noneOf(Flag.class);

	private @Nullable ParsedName target;

	private @Nullable ObjectName table;

	private @Nullable String objectType;

	private @Nullable List<ObjectName> targets;

	private @Nullable String newName;

	private @Nullable List<TableElement> elements;

	private @Nullable List<AlterAction> actions;

	ClassifiedStatementBuilder(String sql) {
		this.sql = sql;
	}

	ClassifiedStatementBuilder target(ParsedName target) {
		this.target = target;
		return this;
	}

	ClassifiedStatementBuilder table(@Nullable ObjectName table) {
		this.table = table;
		return this;
	}

	ClassifiedStatementBuilder objectType(String objectType) {
		this.objectType = objectType;
		return this;
	}

	ClassifiedStatementBuilder targets(List<ObjectName> targets) {
		this.targets = targets;
		return this;
	}

	ClassifiedStatementBuilder newName(String newName) {
		this.newName = newName;
		return this;
	}

	ClassifiedStatementBuilder elements(List<TableElement> elements) {
		this.elements = elements;
		return this;
	}

	ClassifiedStatementBuilder actions(List<AlterAction> actions) {
		this.actions = actions;
		return this;
	}

	ClassifiedStatementBuilder flag(Flag flag) {
		this.flags.add(flag);
		return this;
	}

	/**
	 * Adds {@code flag} when {@code present}; reads well around
	 * {@code cursor.acceptKeyword(...)}.
	 */
	ClassifiedStatementBuilder flagIf(boolean present, Flag flag) {
		return present ? flag(flag) : this;
	}

	ClassifiedStatement build(StatementKind kind) {
		return new ClassifiedStatement(this.sql, kind, (this.target != null) ? this.target.objectName() : null,
				this.table, this.objectType, this.targets, this.newName, this.flags, this.elements, this.actions,
				(this.target != null) ? this.target.span() : null);
	}

}
