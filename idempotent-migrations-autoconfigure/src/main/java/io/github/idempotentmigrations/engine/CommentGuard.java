package io.github.idempotentmigrations.engine;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;

import io.github.idempotentmigrations.engine.sql.ObjectName;
import io.github.idempotentmigrations.engine.sql.SqlLexer;
import io.github.idempotentmigrations.engine.sql.Token;
import io.github.idempotentmigrations.engine.sql.TokenType;

/**
 * {@code COMMENT ON} a relation or column: compares the comment in place with the statement's text in one query, so
 * a comment already in effect is skipped without running anything. Other object types use the fallback.
 */
final class CommentGuard {

    private static final String RELATION_COMMENT = "SELECT obj_description(to_regclass(?), 'pg_class')";

    private static final String COLUMN_COMMENT = """
            SELECT col_description(a.attrelid, a.attnum) FROM pg_attribute a
             WHERE a.attrelid = to_regclass(?) AND a.attname = ? AND NOT a.attisdropped""";

    private CommentGuard() {
    }

    static Verdict apply(StatementExecution ex) throws SQLException {
        String type = ex.statement.objectType();
        boolean column = "COLUMN".equals(type);
        boolean relation = List.of("TABLE", "VIEW", "MATERIALIZED VIEW", "INDEX", "SEQUENCE", "FOREIGN TABLE")
            .contains(type);
        if ((!column && !relation) || ex.statement.target() == null || (column && ex.statement.table() == null)) {
            return FallbackGuard.apply(ex);
        }
        ObjectName owner = ex.qualify(column ? ex.statement.table() : ex.statement.target());
        String object = column ? owner + "." + ex.statement.target().name() : owner.toString();
        String current;
        try (PreparedStatement query = ex.connection.prepareStatement(column ? COLUMN_COMMENT : RELATION_COMMENT)) {
            query.setString(1, owner.toSql());
            if (column) {
                query.setString(2, ex.statement.target().name());
            }
            try (ResultSet rs = query.executeQuery()) {
                current = rs.next() ? rs.getString(1) : null;
            }
        }
        if (Objects.equals(current, wantedComment(ex.statement.sql()))) {
            return Verdict.skipped(object, "comment already in effect");
        }
        ex.runAsWritten();
        return Verdict.applied(object, "comment set");
    }

    /** The text after {@code IS}: a string constant, or null for {@code IS NULL} (which removes the comment). */
    private static String wantedComment(String sql) {
        List<Token> tokens = SqlLexer.tokenize(sql);
        Token last = tokens.get(tokens.size() - 1);
        if (last.type() == TokenType.SEMICOLON) {
            last = tokens.get(tokens.size() - 2);
        }
        return (last.type() == TokenType.STRING && !last.value().isEmpty()) ? last.value() : null;
    }
}
