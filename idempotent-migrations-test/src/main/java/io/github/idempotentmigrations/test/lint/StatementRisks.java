package io.github.idempotentmigrations.test.lint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.idempotentmigrations.engine.sql.AlterAction;
import io.github.idempotentmigrations.engine.sql.ClassifiedStatement;
import io.github.idempotentmigrations.engine.sql.Flag;
import io.github.idempotentmigrations.engine.sql.ObjectName;
import io.github.idempotentmigrations.engine.sql.SqlLexer;
import io.github.idempotentmigrations.engine.sql.StatementClassifier;
import io.github.idempotentmigrations.engine.sql.TableElement;
import io.github.idempotentmigrations.engine.sql.Token;
import io.github.idempotentmigrations.engine.sql.TokenType;
import org.jspecify.annotations.Nullable;

/**
 * Finds the risky statements of the migrations, fed one migration at a time in the order
 * Flyway runs them. It reads each statement with the engine's own classifier and
 * remembers, across migrations, what the rules need: the declared type of each column and
 * which columns a validated {@code CHECK (c IS NOT NULL)} covers. A table or index
 * created in the same migration (or the same set of pending migrations) is new and empty,
 * so locks and rewrites on it harm no one.
 */
final class StatementRisks {

	/** Words that follow CREATE, ALTER or DROP in DDL inside a DO block's body. */
	private static final Set<String> DDL_OBJECTS = Set.of("table", "index", "unique", "type", "view", "materialized",
			"function", "procedure", "sequence", "schema", "extension", "trigger", "policy", "domain", "or",
			"temporary", "temp", "unlogged", "column", "constraint");

	/** LOCK TABLE modes that let writers go on. */
	private static final Set<String> MODES_ALLOWING_WRITES = Set.of("access share", "row share", "row exclusive");

	private final Map<String, String> columnTypes = new HashMap<>();

	private final Map<String, String> notValidNotNullChecks = new HashMap<>();

	private final Set<String> provenNotNull = new HashSet<>();

	private final Set<String> newTables = new HashSet<>();

	private final Set<String> newIndexes = new HashSet<>();

	/** Starts a new migration, or a set deployed together: nothing is new in it yet. */
	void beginMigration() {
		this.newTables.clear();
		this.newIndexes.clear();
	}

	/** The rules {@code sql} breaks, in the context of everything seen before it. */
	List<Risk> of(String sql) {
		List<Risk> risks = new ArrayList<>();
		List<Token> tokens = SqlLexer.tokenize(sql);
		ClassifiedStatement statement = StatementClassifier.classify(sql);
		switch (statement.kind()) {
			case CREATE_TABLE -> createTable(statement);
			case CREATE_TABLE_AS -> this.newTables.add(statement.target().name());
			case CREATE_INDEX -> createIndex(statement, risks);
			case DROP -> drop(statement, risks);
			case ALTER_TABLE -> alterTable(statement, risks);
			case DO_BLOCK -> doBlock(tokens, risks);
			default -> maintenance(tokens, risks);
		}
		return risks;
	}

	private void createTable(ClassifiedStatement statement) {
		String table = statement.target().name();
		this.newTables.add(table);
		for (TableElement element : statement.elements()) {
			if (element.type() == TableElement.Type.COLUMN) {
				this.columnTypes.put(table + "." + element.name(),
						ColumnType.read(SqlLexer.tokenize(element.text()), 1));
			}
		}
	}

	private void createIndex(ClassifiedStatement statement, List<Risk> risks) {
		if (statement.target() != null) {
			this.newIndexes.add(statement.target().name());
		}
		if (!statement.has(Flag.CONCURRENTLY) && existing(statement.table())) {
			risks.add(new Risk(LintRule.CREATE_INDEX_WITHOUT_CONCURRENTLY,
					"index on existing table " + statement.table()));
		}
	}

	private void drop(ClassifiedStatement statement, List<Risk> risks) {
		for (ObjectName name : statement.targets()) {
			if (statement.objectType().equals("INDEX") && !statement.has(Flag.CONCURRENTLY)
					&& !this.newIndexes.contains(name.name())) {
				risks.add(new Risk(LintRule.DROP_INDEX_WITHOUT_CONCURRENTLY, "index " + name));
			}
			if (statement.objectType().equals("TABLE") && existing(name)) {
				risks.add(new Risk(LintRule.DROP_TABLE, "table " + name));
			}
		}
	}

	private void alterTable(ClassifiedStatement statement, List<Risk> risks) {
		String table = statement.target().name();
		boolean existing = existing(statement.target());
		for (AlterAction action : statement.actions()) {
			String column = table + "." + action.name();
			List<Token> tokens = SqlLexer.tokenize(action.text());
			switch (action.kind()) {
				case ADD_COLUMN -> addColumn(tokens, column, existing, risks);
				case ADD_CONSTRAINT -> addConstraint(action, tokens, table, existing, risks);
				case ALTER_COLUMN_TYPE -> alterType(tokens, column, existing, risks);
				case ALTER_COLUMN_SET_NOT_NULL -> {
					if (existing && !this.provenNotNull.contains(column)) {
						risks.add(new Risk(LintRule.SET_NOT_NULL_WITHOUT_CHECK, "column " + column));
					}
				}
				case DROP_COLUMN -> {
					if (existing) {
						risks.add(new Risk(LintRule.DROP_COLUMN, "column " + column));
					}
				}
				case RENAME_COLUMN -> {
					if (existing) {
						risks.add(new Risk(LintRule.RENAME_COLUMN, "column " + column + " to " + action.newName()));
					}
				}
				case RENAME_TABLE -> renameTable(table, action.newName(), existing, risks);
				case OTHER -> validateConstraint(tokens);
				default -> {
				}
			}
		}
	}

	/** {@code ADD [COLUMN] [IF NOT EXISTS] name type ...}. */
	private void addColumn(List<Token> tokens, String column, boolean existing, List<Risk> risks) {
		int name = 1;
		while (tokens.get(name).isKeyword("column") || tokens.get(name).isKeyword("if")
				|| tokens.get(name).isKeyword("not") || tokens.get(name).isKeyword("exists")) {
			name++;
		}
		this.columnTypes.put(column, ColumnType.read(tokens, name + 1));
		boolean filled = has(tokens, "default") || has(tokens, "generated");
		if (existing && hasPair(tokens, "not", "null") && !filled) {
			risks.add(new Risk(LintRule.ADD_COLUMN_NOT_NULL_WITHOUT_DEFAULT, "column " + column));
		}
	}

	private void addConstraint(AlterAction action, List<Token> tokens, String table, boolean existing,
			List<Risk> risks) {
		boolean notValid = hasPair(tokens, "not", "valid");
		boolean scans = action.constraintType().equals("FOREIGN KEY") || action.constraintType().equals("CHECK");
		if (existing && scans && !notValid) {
			risks.add(new Risk(LintRule.CONSTRAINT_WITHOUT_NOT_VALID,
					action.constraintType() + " on existing table " + table));
		}
		String checkedColumn = action.constraintType().equals("CHECK") ? notNullCheckColumn(tokens) : null;
		if (checkedColumn != null) {
			if (notValid) {
				this.notValidNotNullChecks.put(action.name(), table + "." + checkedColumn);
			}
			else {
				this.provenNotNull.add(table + "." + checkedColumn);
			}
		}
	}

	/**
	 * {@code VALIDATE CONSTRAINT n}: a NOT VALID {@code CHECK (c IS NOT NULL)} now proves
	 * c.
	 */
	private void validateConstraint(List<Token> tokens) {
		if (tokens.size() == 3 && tokens.get(0).isKeyword("validate") && tokens.get(1).isKeyword("constraint")) {
			String column = this.notValidNotNullChecks.remove(tokens.get(2).value());
			if (column != null) {
				this.provenNotNull.add(column);
			}
		}
	}

	/**
	 * The column of a {@code CHECK (c IS NOT NULL)} (parentheses around it allowed), else
	 * null.
	 */
	private static @Nullable String notNullCheckColumn(List<Token> tokens) {
		List<Token> expression = tokens.stream()
			.dropWhile((token) -> !token.isKeyword("check"))
			.skip(1)
			.filter((token) -> token.type() != TokenType.LEFT_PAREN && token.type() != TokenType.RIGHT_PAREN)
			.toList();
		boolean shape = expression.size() >= 4 && expression.get(1).isKeyword("is")
				&& expression.get(2).isKeyword("not") && expression.get(3).isKeyword("null")
				&& (expression.size() == 4 || expression.size() == 6 && expression.get(5).isKeyword("valid"));
		return shape ? expression.get(0).value() : null;
	}

	/**
	 * {@code ALTER [COLUMN] c [SET DATA] TYPE t [USING ...]}; the search starts past c,
	 * which may be named type.
	 */
	private void alterType(List<Token> tokens, String column, boolean existing, List<Risk> risks) {
		int type = tokens.get(1).isKeyword("column") ? 3 : 2;
		while (!tokens.get(type).isKeyword("type")) {
			type++;
		}
		String newType = ColumnType.read(tokens, type + 1);
		String oldType = this.columnTypes.put(column, newType);
		if (existing && (has(tokens, "using") || ColumnType.rewrites(oldType, newType))) {
			risks.add(new Risk(LintRule.ALTER_COLUMN_TYPE_REWRITE, "column " + column + " from "
					+ ((oldType != null) ? oldType : "a type no earlier migration declares") + " to " + newType));
		}
	}

	private void renameTable(String table, String newName, boolean existing, List<Risk> risks) {
		if (existing) {
			risks.add(new Risk(LintRule.RENAME_TABLE, "table " + table + " to " + newName));
		}
		else {
			this.newTables.add(newName);
		}
	}

	/** A DO block whose body holds DDL or dynamic SQL ({@code EXECUTE}). */
	private static void doBlock(List<Token> tokens, List<Risk> risks) {
		for (Token token : tokens) {
			if (token.type() == TokenType.STRING) {
				List<Token> body = SqlLexer.tokenize(token.value());
				for (int i = 0; i < body.size(); i++) {
					Token word = body.get(i);
					boolean ddl = (word.isKeyword("create") || word.isKeyword("alter") || word.isKeyword("drop"))
							&& i + 1 < body.size() && body.get(i + 1).type() == TokenType.IDENTIFIER
							&& DDL_OBJECTS.contains(body.get(i + 1).value());
					if (ddl || word.isKeyword("execute")) {
						risks.add(new Risk(LintRule.DDL_IN_DO_BLOCK,
								(ddl ? "DDL " + word.text() + " " + body.get(i + 1).text() : "dynamic SQL (EXECUTE)")
										+ " inside a DO block"));
						return;
					}
				}
			}
		}
	}

	/** VACUUM FULL, CLUSTER and LOCK TABLE in a mode that blocks writers. */
	private static void maintenance(List<Token> tokens, List<Risk> risks) {
		if (tokens.isEmpty()) {
			return;
		}
		Token command = tokens.get(0);
		if (command.isKeyword("vacuum") && has(tokens, "full")) {
			risks.add(new Risk(LintRule.VACUUM_FULL, "VACUUM FULL"));
		}
		else if (command.isKeyword("cluster")) {
			risks.add(new Risk(LintRule.CLUSTER, "CLUSTER"));
		}
		else if (command.isKeyword("lock")) {
			String mode = lockMode(tokens);
			if (!MODES_ALLOWING_WRITES.contains(mode)) {
				risks.add(new Risk(LintRule.LOCK_TABLE, "LOCK in " + mode.toUpperCase() + " mode"));
			}
		}
	}

	/** The words between IN and MODE, lower case; ACCESS EXCLUSIVE when none is given. */
	private static String lockMode(List<Token> tokens) {
		List<String> words = new ArrayList<>();
		boolean inMode = false;
		for (Token token : tokens) {
			if (token.isKeyword("mode")) {
				break;
			}
			if (inMode) {
				words.add(token.value());
			}
			inMode |= token.isKeyword("in");
		}
		return words.isEmpty() ? "access exclusive" : String.join(" ", words);
	}

	private boolean existing(@Nullable ObjectName table) {
		return table != null && !this.newTables.contains(table.name());
	}

	private static boolean has(List<Token> tokens, String keyword) {
		return tokens.stream().anyMatch((token) -> token.isKeyword(keyword));
	}

	private static boolean hasPair(List<Token> tokens, String first, String second) {
		for (int i = 0; i + 1 < tokens.size(); i++) {
			if (tokens.get(i).isKeyword(first) && tokens.get(i + 1).isKeyword(second)) {
				return true;
			}
		}
		return false;
	}

	/** A rule broken by the statement being looked at, with what exactly was found. */
	record Risk(LintRule rule, String detail) {
	}

}
