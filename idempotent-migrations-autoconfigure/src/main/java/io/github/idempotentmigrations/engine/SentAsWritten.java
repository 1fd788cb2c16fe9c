package io.github.idempotentmigrations.engine;

import java.util.List;

import io.github.idempotentmigrations.engine.sql.SqlLexer;
import io.github.idempotentmigrations.engine.sql.Token;

/**
 * Statements that a savepoint in front of them would break or that no savepoint can help: {@code SET TRANSACTION}
 * (and {@code SET TRANSACTION SNAPSHOT}) must come before any query of its transaction, and what cannot run in a
 * transaction block fails there anyway. They are sent exactly as plain Flyway sends them.
 */
final class SentAsWritten {

    private SentAsWritten() {
    }

    static boolean applies(String sql) {
        List<Token> tokens = SqlLexer.tokenize(sql);
        if (tokens.isEmpty()) {
            return false;
        }
        if (keywords(tokens, "set", "transaction")) {
            return true;
        }
        if (keywords(tokens, "vacuum") || keywords(tokens, "alter", "system") || keywords(tokens, "create", "database")
                || keywords(tokens, "drop", "database") || keywords(tokens, "create", "tablespace")
                || keywords(tokens, "drop", "tablespace")) {
            return true;
        }
        boolean indexStatement = keywords(tokens, "create") || keywords(tokens, "drop") || keywords(tokens, "reindex");
        return indexStatement && tokens.stream().limit(6).anyMatch(token -> token.isKeyword("concurrently"));
    }

    private static boolean keywords(List<Token> tokens, String... words) {
        if (tokens.size() < words.length) {
            return false;
        }
        for (int i = 0; i < words.length; i++) {
            if (!tokens.get(i).isKeyword(words[i])) {
                return false;
            }
        }
        return true;
    }
}
