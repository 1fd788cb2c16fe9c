package io.github.idempotentmigrations.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.idempotentmigrations.engine.catalog.Column;
import io.github.idempotentmigrations.engine.catalog.Constraint;
import io.github.idempotentmigrations.engine.catalog.Index;
import io.github.idempotentmigrations.engine.sql.SqlLexer;
import io.github.idempotentmigrations.engine.sql.Token;

/**
 * Cheap checks that spare a probe when the statement already reads exactly as PostgreSQL describes the existing
 * object (token by token, names folded, or a plain type under its catalog name). They only ever answer "equal";
 * anything they cannot tell goes to the probe, which stays the authority.
 */
final class TextualComparison {

    private static final Map<String, String> TYPE_NAMES = Map.ofEntries(Map.entry("int", "integer"),
            Map.entry("int4", "integer"), Map.entry("integer", "integer"), Map.entry("int8", "bigint"),
            Map.entry("bigint", "bigint"), Map.entry("int2", "smallint"), Map.entry("smallint", "smallint"),
            Map.entry("bool", "boolean"), Map.entry("boolean", "boolean"), Map.entry("text", "text"),
            Map.entry("varchar", "character varying"), Map.entry("timestamptz", "timestamp with time zone"),
            Map.entry("timestamp", "timestamp without time zone"), Map.entry("date", "date"),
            Map.entry("uuid", "uuid"), Map.entry("jsonb", "jsonb"), Map.entry("json", "json"),
            Map.entry("bytea", "bytea"), Map.entry("float8", "double precision"),
            Map.entry("double precision", "double precision"), Map.entry("real", "real"), Map.entry("float4", "real"),
            Map.entry("numeric", "numeric"), Map.entry("decimal", "numeric"));

    private static final Pattern SIMPLE_COLUMN = Pattern
        .compile("(?i)\\s*([a-z][a-z0-9 ]*?)\\s*(\\(\\s*\\d+(?:\\s*,\\s*\\d+)?\\s*\\))?\\s*(not\\s+null|null)?\\s*");

    private TextualComparison() {
    }

    /** Whether {@code CREATE INDEX ... ON table <rest>} builds what the existing index is. */
    static boolean sameIndex(String statementSql, int[] tableSpan, Index existing) {
        if (tableSpan == null) {
            return false;
        }
        List<String> rest = shape(statementSql.substring(tableSpan[1]));
        if (rest.isEmpty() || !"using".equals(rest.get(0))) {
            rest = new ArrayList<>(rest);
            rest.addAll(0, List.of("using", "btree"));
        }
        boolean unique = shape(statementSql.substring(0, tableSpan[0])).contains("unique");
        String existingShape = existing.shape();
        boolean existingUnique = existingShape.startsWith("UNIQUE");
        return unique == existingUnique && rest.equals(shape(existingShape.substring(existingUnique ? 6 : 0)));
    }

    /**
     * Whether a constraint body ({@code FOREIGN KEY (a) REFERENCES t(id)}, ...) reads as the existing definition.
     * PostgreSQL wraps a CHECK expression in a second pair of parentheses, so that reading is tried too.
     */
    static boolean sameConstraint(String body, Constraint existing) {
        List<String> have = shape(existing.comparableDefinition());
        List<String> want = shape(body);
        if (want.equals(have)) {
            return true;
        }
        if (want.size() > 2 && "check".equals(want.get(0)) && "(".equals(want.get(1))) {
            List<String> wrapped = new ArrayList<>(want);
            wrapped.add(2, "(");
            wrapped.add(")");
            return wrapped.equals(have);
        }
        return false;
    }

    /**
     * Whether {@code SET DEFAULT <expression>} is the column's default already. PostgreSQL shows a literal with a
     * cast to the column's type ({@code ''::text}), so that cast is dropped before comparing.
     */
    static boolean sameDefault(String expression, Column existing) {
        if (existing.defaultExpression() == null) {
            return false;
        }
        String have = existing.defaultExpression();
        String cast = "::" + existing.type();
        if (have.startsWith("'") && have.endsWith(cast)) {
            have = have.substring(0, have.length() - cast.length());
        }
        return shape(expression).equals(shape(have));
    }

    /** Whether a column definition that is only a type (and NULL / NOT NULL) matches the existing column. */
    static boolean sameSimpleColumn(String definition, Column existing) {
        Matcher matcher = SIMPLE_COLUMN.matcher(definition);
        if (!matcher.matches() || existing.defaultExpression() != null || !existing.identity().isEmpty()) {
            return false;
        }
        String name = TYPE_NAMES.get(matcher.group(1).trim().toLowerCase().replaceAll("\\s+", " "));
        if (name == null) {
            return false;
        }
        String modifier = (matcher.group(2) != null) ? matcher.group(2).replaceAll("\\s+", "") : "";
        boolean notNull = matcher.group(3) != null && matcher.group(3).toLowerCase().startsWith("not");
        return existing.type().equals(name + modifier) && existing.notNull() == notNull;
    }

    /** Tokens as PostgreSQL reads them: names folded, quotes resolved, keywords lower-cased, spacing gone. */
    private static List<String> shape(String sql) {
        return SqlLexer.tokenize(sql).stream().map(TextualComparison::normalized).toList();
    }

    private static String normalized(Token token) {
        return switch (token.type()) {
            case IDENTIFIER, QUOTED_IDENTIFIER -> token.value();
            case STRING -> "'" + token.value() + "'";
            default -> token.text().toLowerCase();
        };
    }
}
