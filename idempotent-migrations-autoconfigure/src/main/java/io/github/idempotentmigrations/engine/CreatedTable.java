package io.github.idempotentmigrations.engine;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.github.idempotentmigrations.engine.sql.AlterAction;
import io.github.idempotentmigrations.engine.sql.TableElement;

/**
 * The names a table this run created holds, kept up to date as the run alters it. Nothing on such a table predates
 * the run, so an action whose names agree with this model can run as written without asking the catalog; anything
 * else (a column added twice, say) still goes through the full guard.
 */
final class CreatedTable {

    private final Set<String> columns = new HashSet<>();

    private final Set<String> constraints = new HashSet<>();

    CreatedTable(List<TableElement> elements) {
        for (TableElement element : elements) {
            if (element.type() == TableElement.Type.COLUMN) {
                this.columns.add(element.name());
            }
            else if (element.type() == TableElement.Type.CONSTRAINT && element.name() != null) {
                this.constraints.add(element.name());
            }
        }
    }

    /** Whether the action can run as written: what it adds is absent, what it changes is there. */
    boolean accepts(AlterAction action) {
        return switch (action.kind()) {
            case ADD_COLUMN -> !this.columns.contains(action.name());
            case DROP_COLUMN, ALTER_COLUMN_TYPE, ALTER_COLUMN_SET_DEFAULT, ALTER_COLUMN_DROP_DEFAULT,
                    ALTER_COLUMN_SET_NOT_NULL, ALTER_COLUMN_DROP_NOT_NULL, ALTER_COLUMN_ADD_IDENTITY ->
                this.columns.contains(action.name());
            case RENAME_COLUMN -> this.columns.contains(action.name()) && !this.columns.contains(action.newName());
            case ADD_CONSTRAINT -> action.name() == null || !this.constraints.contains(action.name());
            case DROP_CONSTRAINT -> this.constraints.contains(action.name());
            case RENAME_CONSTRAINT -> this.constraints.contains(action.name())
                    && !this.constraints.contains(action.newName());
            case OTHER -> true;
            case RENAME_TABLE, ATTACH_PARTITION -> false;
        };
    }

    void applied(AlterAction action) {
        switch (action.kind()) {
            case ADD_COLUMN -> this.columns.add(action.name());
            case DROP_COLUMN -> this.columns.remove(action.name());
            case RENAME_COLUMN -> {
                this.columns.remove(action.name());
                this.columns.add(action.newName());
            }
            case ADD_CONSTRAINT -> {
                if (action.name() != null) {
                    this.constraints.add(action.name());
                }
            }
            case DROP_CONSTRAINT -> this.constraints.remove(action.name());
            case RENAME_CONSTRAINT -> {
                this.constraints.remove(action.name());
                this.constraints.add(action.newName());
            }
            default -> {
            }
        }
    }
}
