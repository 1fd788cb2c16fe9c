package io.github.idempotentmigrations.flyway;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.idempotentmigrations.engine.sql.ClassifiedStatement;
import io.github.idempotentmigrations.engine.sql.ObjectName;
import io.github.idempotentmigrations.engine.sql.StatementClassifier;
import io.github.idempotentmigrations.engine.sql.StatementKind;
import io.github.idempotentmigrations.flyway.InspectionResult.InvalidIndex;
import org.flywaydb.core.api.MigrationInfo;

/**
 * The named indexes the migrations about to run create, read from their statements by the
 * engine's classifier. When such a statement meets an INVALID index of its name on its
 * table, the engine drops and rebuilds it (unless another session is building it):
 * startup leaves those indexes to it.
 */
final class UpcomingIndexes {

	// Keyed like the catalog reports INVALID indexes: the schema, the index's own name,
	// its table.
	private final Map<InvalidIndex, MigrationInfo> builders = new HashMap<>();

	private UpcomingIndexes() {
	}

	/**
	 * The named indexes the statements of {@code migrations} create.
	 * @param defaultSchema where an unqualified table resolves while Flyway migrates: its
	 * default schema, which it puts first on the search path (an index always lives in
	 * its table's schema)
	 */
	static UpcomingIndexes of(PendingScripts scripts, List<MigrationInfo> migrations, String defaultSchema) {
		UpcomingIndexes upcoming = new UpcomingIndexes();
		for (MigrationInfo migration : migrations) {
			for (String sql : scripts.statementsOf(List.of(migration))) {
				ClassifiedStatement statement = StatementClassifier.classify(sql);
				// an unnamed CREATE INDEX gets a fresh name from PostgreSQL: it never
				// meets an existing index
				if (statement.kind() == StatementKind.CREATE_INDEX && statement.target() != null
						&& statement.table() != null) {
					ObjectName table = statement.table().inSchema(defaultSchema);
					upcoming.builders.putIfAbsent(
							new InvalidIndex(table.schema(), statement.target().name(), table.name()), migration);
				}
			}
		}
		return upcoming;
	}

	/** The first migration about to run that creates this index, if any. */
	Optional<MigrationInfo> builderOf(InvalidIndex index) {
		return Optional.ofNullable(this.builders.get(index));
	}

}
