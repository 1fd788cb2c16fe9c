package io.github.idempotentmigrations.engine.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Everything the reconcilers and probes need to know about one table, read in one catalog
 * query.
 *
 * @param columns columns by name, in column order
 * @param constraints constraints by name
 * @param indexes indexes by name
 * @param triggers trigger definitions ({@code pg_get_triggerdef}) by name
 * @param policies policy fingerprints by name
 * @param partitionParent the qualified parent table when this table is a partition, else
 * null
 * @param partitionBound a partition's bound ({@code pg_get_expr(relpartbound)}), else
 * null
 * @param persistence {@code relpersistence}: p permanent, u unlogged, t temporary
 * @param partitionKey a partitioned table's key ({@code pg_get_partkeydef}), else null
 */
public record TableDetails(Map<String, Column> columns, Map<String, Constraint> constraints, Map<String, Index> indexes,
		Map<String, String> triggers, Map<String, String> policies, @Nullable String partitionParent,
		@Nullable String partitionBound, @Nullable String persistence, @Nullable String partitionKey) {

	public Optional<Column> column(String name) {
		return Optional.ofNullable(this.columns.get(name));
	}

	/**
	 * This table without the constraints and indexes that {@code earlier} (the same
	 * table, before) already had.
	 */
	public TableDetails without(TableDetails earlier) {
		Map<String, Constraint> newConstraints = new LinkedHashMap<>(this.constraints);
		newConstraints.keySet().removeAll(earlier.constraints().keySet());
		Map<String, Index> newIndexes = new LinkedHashMap<>(this.indexes);
		newIndexes.keySet().removeAll(earlier.indexes().keySet());
		return new TableDetails(this.columns, newConstraints, newIndexes, this.triggers, this.policies,
				this.partitionParent, this.partitionBound, this.persistence, this.partitionKey);
	}

	public List<Constraint> constraintsOfType(String type) {
		return this.constraints.values().stream().filter((c) -> c.type().equals(type)).toList();
	}
}
