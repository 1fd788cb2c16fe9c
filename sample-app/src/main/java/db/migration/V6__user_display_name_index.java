package db.migration;

import io.github.idempotentmigrations.javamigration.IdempotentJavaMigration;
import io.github.idempotentmigrations.javamigration.IdempotentOperations;

/** A Java migration: same idempotent semantics, and the same report, as the SQL migrations beside it. */
public class V6__user_display_name_index extends IdempotentJavaMigration {

    @Override
    protected void migrate(IdempotentOperations ops) {
        ops.createIndex("users_display_name_idx", "users", "display_name");
    }
}
