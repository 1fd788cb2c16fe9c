package io.github.idempotentmigrations.autoconfigure;

import io.github.idempotentmigrations.engine.report.MigrationReport;

/** The kinds of startup failure an on-call person acts on differently, each with what to do. */
enum FailureKind {

    UNREACHABLE("Check that the database is running and reachable from this host at the host and port above"
            + " (firewall, DNS, service name), or raise idempotent-migrations.connect.timeout if it starts slowly."
            + " Then restart the application."),

    AUTHENTICATION("Check the database user and password the application uses (spring.datasource.username/password"
            + " or spring.flyway.user/password) and that pg_hba.conf allows this host. Then restart."),

    PRIVILEGES("Grant the migration user the privilege the statement needs (e.g. CREATE on the schema, or ownership"
            + " of the table), or run migrations as the schema owner via spring.flyway.user. Then restart."),

    SYNTAX("Fix the SQL of the migration named above. If it never ran anywhere, edit it in place; otherwise add a new"
            + " migration. Then restart: nothing of it was applied."),

    CONFLICT("The object exists but differs from what the migration describes, and the starter will not change data"
            + " on its own. Decide which definition is right. If 'Expected' is: check the existing data fits it, ALTER"
            + " the object by hand, and restart. If 'Found' is: start once with idempotent-migrations.on-conflict=warn"
            + " (the difference stays in the report and in /actuator/schema), then add a migration that makes the"
            + " definitions agree. Never drop the object unless its data may go."),

    NOT_NULL_ON_POPULATED_TABLE("The table already has rows, so a NOT NULL column needs a value for them. Add a"
            + " DEFAULT to the column in a new migration, or add it nullable, backfill it, then SET NOT NULL. Then"
            + " restart; no row was changed."),

    DUPLICATE_DATA("Existing rows violate the unique index or constraint. Find them with SELECT <columns>, count(*)"
            + " ... GROUP BY <columns> HAVING count(*) > 1, resolve the duplicates, then restart."),

    LOCK_TIMEOUT("Another session holds a lock on the object the statement needs. Find it with SELECT pid, state,"
            + " query FROM pg_stat_activity WHERE pid IN (SELECT pid FROM pg_locks WHERE NOT granted OR locktype ="
            + " 'relation'); let it finish or end it with pg_terminate_backend(pid), or raise"
            + " idempotent-migrations.connect.lock-timeout. Then restart."),

    NOT_CONVERGED_IN_VALIDATE_MODE("Validate mode changes nothing. Run the application once with"
            + " idempotent-migrations.mode=migrate (the default) against this database to converge it, or fix each"
            + " problem listed above; then validate again."),

    STOPPED_BY_POLICY("Each problem above names the idempotent-migrations.repair.* property that stopped startup."
            + " Either fix the cause by hand, or set that property to the repairing value the problem names"
            + " ('repair', or 'realign' for checksum mismatches), then restart. Nothing was changed."),

    TRANSACTION_POOLER("Give Flyway a connection of its own that bypasses the pooler: set spring.flyway.url to the"
            + " PostgreSQL server's own host and port (e.g. jdbc:postgresql://db-host:5432/app), or to the pooler's"
            + " session-mode port, with spring.flyway.user and spring.flyway.password (Boot takes neither from"
            + " spring.datasource.* once spring.flyway.url is set). The application's own connections keep using the"
            + " pooler. Then restart."),

    OTHER("Read the problem above, fix its cause in the database or add a new migration, then restart.");

    private final String action;

    FailureKind(String action) {
        this.action = action;
    }

    String action() {
        return this.action;
    }

    static FailureKind of(MigrationReport report, boolean conflict, String sqlState) {
        if (conflict) {
            return CONFLICT;
        }
        if (sqlState != null) {
            FailureKind bySqlState = ofSqlState(sqlState);
            if (bySqlState != OTHER) {
                return bySqlState;
            }
        }
        if (report != null && "VALIDATE".equals(report.mode())) {
            return NOT_CONVERGED_IN_VALIDATE_MODE;
        }
        if (report != null && report.problems().stream().anyMatch(p -> p.contains("idempotent-migrations.repair."))) {
            return STOPPED_BY_POLICY;
        }
        return OTHER;
    }

    private static FailureKind ofSqlState(String sqlState) {
        if (sqlState.startsWith("08")) {
            return UNREACHABLE;
        }
        return switch (sqlState) {
            case "28P01", "28000" -> AUTHENTICATION;
            case "42501" -> PRIVILEGES;
            case "42601" -> SYNTAX;
            case "23502" -> NOT_NULL_ON_POPULATED_TABLE;
            case "23505" -> DUPLICATE_DATA;
            case "55P03" -> LOCK_TIMEOUT;
            default -> OTHER;
        };
    }
}
