package io.github.idempotentmigrations.flyway;

import io.github.idempotentmigrations.testsupport.DatabaseSnapshot;
import io.github.idempotentmigrations.testsupport.PostgresDatabaseExtension;
import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static io.github.idempotentmigrations.flyway.MigratingApplication.failure;
import static io.github.idempotentmigrations.flyway.MigratingApplication.on;
import static io.github.idempotentmigrations.flyway.MigratingApplication.plainFlyway;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Adoption and {@code repair.assume-applied} compare only what the schema snapshot reads:
 * inheritance, aggregates, column and default privileges are read and restored; a kind it
 * does not read stops them with the objects named and nothing changed, never "converged"
 * on a partial copy.
 */
@ExtendWith(PostgresDatabaseExtension.class)
class AdoptionKindsStartupTests {

	@Test
	void objectsOfKindsTheSnapshotDoesNotReadStopAdoptionWithNothingChanged(TestDatabase db) {
		plainFlyway(db, "unread-kinds", "2");
		db.execute("DROP TABLE flyway_schema_history");
		DatabaseSnapshot before = DatabaseSnapshot.of(db);

		on(db, "unread-kinds")
			.run((context) -> assertThat(failure(context).getMessage()).contains("rule orders_kept on public.orders",
					"statistics object public.orders_status_region", "publication orders_feed",
					"spring.flyway.baseline-on-migrate=true"));

		assertThat(DatabaseSnapshot.of(db)).isEqualTo(before);
		assertThat(db.query("SELECT (to_regclass('flyway_schema_history') IS NULL)::text")).containsExactly("true");
	}

	@Test
	void assumeAppliedOfAMigrationThatBuildsAKindTheSnapshotDoesNotReadWritesNothing(TestDatabase db) {
		plainFlyway(db, "unread-kinds", "2");
		db.execute("DELETE FROM flyway_schema_history WHERE version = '2'");
		DatabaseSnapshot before = DatabaseSnapshot.of(db);

		on(db, "unread-kinds", "idempotent-migrations.repair.assume-applied=2")
			.run((context) -> assertThat(failure(context).getMessage()).contains("assume-applied=2 cannot be checked",
					"rule orders_kept on public.orders", "nothing was written", "Remove the setting"));

		assertThat(DatabaseSnapshot.of(db)).isEqualTo(before);
	}

	@Test
	void assumeAppliedRefusesWhenTheDefaultPrivilegesOfTheMigrationAreMissing(TestDatabase db) {
		plainFlyway(db, "assumed-default-privileges", "1");
		// V2's table made by hand; its ALTER DEFAULT PRIVILEGES never ran
		db.execute("CREATE TABLE audit (id integer PRIMARY KEY, what text NOT NULL)");
		DatabaseSnapshot before = DatabaseSnapshot.of(db);

		on(db, "assumed-default-privileges", "idempotent-migrations.repair.assume-applied=2")
			.run((context) -> assertThat(failure(context).getMessage()).contains("nothing was written",
					"default privilege GRANT SELECT ON TABLES TO PUBLIC is missing"));

		assertThat(DatabaseSnapshot.of(db)).isEqualTo(before);
		assertThat(db.query("SELECT count(*) FROM pg_default_acl")).containsExactly("0");
	}

	@Test
	void adoptionRestoresAnInheritingTableWithItsParentLinkAnAggregateAndDefaultPrivileges(TestDatabase db) {
		plainFlyway(db, "inherits-aggregate", "1");
		db.execute("DROP TABLE events CASCADE; DROP AGGREGATE longest(text); DROP TABLE flyway_schema_history;"
				+ " ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE SELECT ON TABLES FROM PUBLIC");

		on(db, "inherits-aggregate").run((context) -> assertThat(context).hasNotFailed());

		assertThat(db
			.query("SELECT inhparent::regclass::text FROM pg_inherits" + " WHERE inhrelid = 'click_events'::regclass"))
			.containsExactly("events");
		assertThat(db.query("SELECT id || ':' || target FROM click_events")).containsExactly("2:checkout");
		// the parent's own rows only: the child's come through the child
		assertThat(db.query("SELECT id::text FROM ONLY events")).containsExactly("1");
		assertThat(db.query("SELECT longest(target) FROM click_events")).containsExactly("checkout");
		assertThat(db.query("SELECT has_column_privilege('public', 'click_events', 'target', 'SELECT')::text"))
			.containsExactly("true");
		assertThat(db.query("SELECT defaclacl::text FROM pg_default_acl")).containsExactly("{=r/" + db.user() + "}");
		assertThat(DatabaseSnapshot.catalogOf(db))
			.isEqualTo(MigratingApplication.plainFlywayCatalog("inherits-aggregate", "1"));
	}

	@Test
	void aColumnPrivilegeTheMigrationsDoNotGrantIsReported(TestDatabase db) {
		plainFlyway(db, "inherits-aggregate", "1");
		db.execute("GRANT UPDATE (target) ON click_events TO PUBLIC; DROP TABLE flyway_schema_history");

		on(db, "inherits-aggregate")
			.run((context) -> assertThat(context.getBean(MigrationReportStore.class).last().orElseThrow().warnings())
				.contains("Adoption: privilege UPDATE (target) ON TABLE public.click_events TO PUBLIC is not built by"
						+ " the migrations; left as is"));
	}

}
