package io.github.idempotentmigrations.flyway;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Pattern;

import io.github.idempotentmigrations.flyway.InspectionResult.InvalidIndex;

/**
 * Deals with INVALID indexes left by failed concurrent builds, without blocking writes: one that a pending migration
 * creates is dropped so the migration builds it again; one no pending migration mentions belongs to an applied
 * migration and is rebuilt in place.
 */
final class IndexRepairer {

    void repair(Connection session, List<InvalidIndex> indexes, List<String> upcomingStatements, StartupReport report)
            throws SQLException {
        for (InvalidIndex index : indexes) {
            boolean rebuiltByMigration = mentionedIn(upcomingStatements, index.name());
            String sql = (rebuiltByMigration ? "DROP INDEX CONCURRENTLY IF EXISTS " : "REINDEX INDEX CONCURRENTLY ")
                    + index.qualifiedName();
            try (Statement statement = session.createStatement()) {
                statement.execute(sql);
            }
            report.repaired(Finding.Kind.INVALID_INDEX.name(), index.toString(),
                    rebuiltByMigration ? "dropped (" + sql + "); the pending migration that creates it builds it again"
                            : "rebuilt (" + sql + ")");
        }
    }

    private static boolean mentionedIn(List<String> statements, String indexName) {
        Pattern name = Pattern.compile("(?i)(?<![\\w$])\"?" + Pattern.quote(indexName) + "\"?(?![\\w$])");
        return statements.stream().anyMatch(statement -> name.matcher(statement).find());
    }
}
