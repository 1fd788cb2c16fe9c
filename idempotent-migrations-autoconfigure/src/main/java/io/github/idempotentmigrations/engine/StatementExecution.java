package io.github.idempotentmigrations.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import io.github.idempotentmigrations.engine.catalog.CatalogCache;
import io.github.idempotentmigrations.engine.report.EnsuredObject;
import io.github.idempotentmigrations.engine.sql.ClassifiedStatement;
import io.github.idempotentmigrations.engine.sql.ObjectName;

/**
 * One statement on its way through the engine: the migration's connection, the classified statement, the run's
 * catalog and look-ahead, and the SQL the engine ran for it.
 */
final class StatementExecution {

    final Connection connection;

    final ClassifiedStatement statement;

    final CatalogCache catalog;

    final RunState run;

    private final List<String> executed = new ArrayList<>();

    StatementExecution(Connection connection, ClassifiedStatement statement, CatalogCache catalog, RunState run) {
        this.connection = connection;
        this.statement = statement;
        this.catalog = catalog;
        this.run = run;
    }

    /** Runs the statement exactly as written. */
    void runAsWritten() throws SQLException {
        execute(this.statement.sql());
    }

    /** Runs a data statement exactly as written and returns how many rows it changed. */
    long runCountingRows() throws SQLException {
        try (Statement jdbc = this.connection.createStatement()) {
            jdbc.execute(this.statement.sql());
            return Math.max(jdbc.getLargeUpdateCount(), 0);
        }
    }

    /** Runs SQL the engine derived from the statement (recorded as a reconciliation action). */
    void runDerived(String sql) throws SQLException {
        execute(sql);
        this.executed.add(sql);
    }

    private void execute(String sql) throws SQLException {
        try (Statement jdbc = this.connection.createStatement()) {
            jdbc.execute(sql);
        }
    }

    /** SQL the engine ran in place of, or beside, the statement. */
    List<String> derivedActions() {
        return this.executed;
    }

    String currentSchema() throws SQLException {
        return this.catalog.currentSchema(this.connection);
    }

    /** Records an object this statement made sure exists. */
    void ensure(EnsuredObject.Type type, ObjectName qualified, String table) {
        this.run.ensure(new EnsuredObject(type, qualified.schema(), table, qualified.name()));
    }

    ObjectName qualify(ObjectName name) throws SQLException {
        return this.catalog.qualify(this.connection, name);
    }

    boolean inTransaction() throws SQLException {
        return !this.connection.getAutoCommit();
    }

    /**
     * Runs work under a savepoint (or, outside a transaction, in a transaction of its own) that is always rolled
     * back: for probes that let PostgreSQL describe what a statement would build.
     */
    <T> T rolledBack(SqlWork<T> work) throws SQLException {
        if (!inTransaction()) {
            this.connection.setAutoCommit(false);
            try {
                return work.run();
            }
            finally {
                this.connection.rollback();
                this.connection.setAutoCommit(true);
            }
        }
        Savepoint savepoint = this.connection.setSavepoint();
        try {
            return work.run();
        }
        finally {
            this.connection.rollback(savepoint);
        }
    }

    /**
     * Runs work so that a failure leaves the migration's transaction usable: under a savepoint inside a transaction,
     * directly in autocommit mode. Returns the error, or null on success.
     */
    SQLException attempt(SqlWork<Void> work) throws SQLException {
        if (!inTransaction()) {
            try {
                work.run();
                return null;
            }
            catch (SQLException ex) {
                return ex;
            }
        }
        Savepoint savepoint = this.connection.setSavepoint();
        try {
            work.run();
            this.connection.releaseSavepoint(savepoint);
            return null;
        }
        catch (SQLException ex) {
            this.connection.rollback(savepoint);
            return ex;
        }
    }

    @FunctionalInterface
    interface SqlWork<T> {

        T run() throws SQLException;
    }
}
