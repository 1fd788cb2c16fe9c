package io.github.idempotentmigrations.autoconfigure;

import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

/**
 * Bounds lock waits of migration statements on the connection Flyway migrates with, for that run only: set before
 * the first migration, reset after the last one (or the failure), so the pooled connection goes back to the
 * application with the server's default.
 */
final class MigrationLockTimeout implements Callback {

    private final String setSql;

    MigrationLockTimeout(String setSql) {
        this.setSql = setSql;
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_MIGRATE || event == Event.AFTER_MIGRATE || event == Event.AFTER_MIGRATE_ERROR;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        String sql = (event == Event.BEFORE_MIGRATE) ? this.setSql : "RESET lock_timeout";
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute(sql);
        }
        catch (SQLException ex) {
            throw new FlywayException("Could not run '" + sql + "' on the migration connection", ex);
        }
    }

    @Override
    public String getCallbackName() {
        return "idempotent-migrations lock_timeout";
    }
}
