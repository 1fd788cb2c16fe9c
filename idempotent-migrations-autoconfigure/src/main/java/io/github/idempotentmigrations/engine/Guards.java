package io.github.idempotentmigrations.engine;

import java.sql.SQLException;

import io.github.idempotentmigrations.engine.sql.StatementKind;

/** Sends each statement kind to its guard. */
final class Guards {

    private Guards() {
    }

    static Verdict decide(StatementExecution ex) throws SQLException {
        StatementKind kind = ex.statement.kind();
        return switch (kind) {
            case CREATE_TABLE -> CreateTableGuard.apply(ex);
            case ALTER_TABLE -> AlterTableGuard.apply(ex);
            case CREATE_INDEX -> IndexGuard.apply(ex);
            case CREATE_ENUM_TYPE -> EnumTypeGuard.create(ex);
            case ALTER_TYPE_ADD_VALUE -> EnumTypeGuard.addValue(ex);
            case ALTER_TYPE_RENAME_VALUE -> EnumTypeGuard.renameValue(ex);
            case CREATE_SCHEMA -> NamedObjectGuard.schema(ex);
            case CREATE_EXTENSION -> NamedObjectGuard.extension(ex);
            case CREATE_SEQUENCE -> NamedObjectGuard.sequence(ex);
            case CREATE_VIEW, CREATE_MATERIALIZED_VIEW, CREATE_FUNCTION, CREATE_PROCEDURE, CREATE_COMPOSITE_TYPE,
                    CREATE_DOMAIN, CREATE_OTHER_TYPE -> NamedObjectGuard.comparable(ex);
            case CREATE_TRIGGER, CREATE_POLICY -> TableBoundObjectGuard.apply(ex);
            case RENAME_INDEX, RENAME_OTHER -> RenameGuard.apply(ex);
            case DROP -> DropGuard.apply(ex);
            case CREATE_TABLE_AS -> TableAsGuard.apply(ex);
            case INSERT, UPDATE, DELETE, TRUNCATE, COPY -> DataGuard.apply(ex);
            case UTILITY -> utility(ex);
            case COMMENT -> CommentGuard.apply(ex);
            case GRANT, REVOKE, DO_BLOCK, UNKNOWN -> FallbackGuard.apply(ex);
        };
    }

    /** SELECT, SET, CALL, ...: no object to guard; a SET may move the search path, so the catalog view is reset. */
    private static Verdict utility(StatementExecution ex) throws SQLException {
        ex.runAsWritten();
        ex.catalog.invalidateAll();
        return Verdict.applied(null, "ran as written");
    }
}
