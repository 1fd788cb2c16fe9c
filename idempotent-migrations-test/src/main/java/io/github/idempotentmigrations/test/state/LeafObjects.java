package io.github.idempotentmigrations.test.state;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import io.github.idempotentmigrations.testsupport.TestDatabase;

/**
 * Objects nothing else depends on, which a database can lose by hand without rows of its
 * tables changing: indexes that back no constraint, foreign keys, checks and unique
 * constraints, and nullable columns of empty tables that no index, constraint, view or
 * sequence refers to.
 */
public final class LeafObjects {

	private static final String USER_SCHEMA = "n.nspname NOT IN ('pg_catalog', 'information_schema')"
			+ " AND n.nspname NOT LIKE 'pg\\_%'";

	private static final String DROPS = """
			SELECT format('DROP INDEX %%I.%%I', n.nspname, i.relname)
			FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_namespace n ON n.oid = i.relnamespace
			JOIN pg_class c ON c.oid = x.indrelid
			WHERE %1$s AND c.relname NOT LIKE 'flyway\\_schema\\_history%%'
			  AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid)
			  AND NOT EXISTS (SELECT 1 FROM pg_inherits h WHERE h.inhrelid = x.indexrelid OR h.inhparent = x.indexrelid)
			UNION ALL
			SELECT format('ALTER TABLE %%I.%%I DROP CONSTRAINT %%I', n.nspname, c.relname, k.conname)
			FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
			WHERE %1$s AND k.contype IN ('f', 'c', 'u') AND k.conislocal AND k.coninhcount = 0
			  AND NOT c.relispartition AND c.relname NOT LIKE 'flyway\\_schema\\_history%%'
			UNION ALL
			SELECT format('ALTER TABLE %%I.%%I DROP COLUMN %%I', n.nspname, c.relname, a.attname)
			FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
			WHERE %1$s AND c.relkind = 'r' AND NOT c.relispartition AND c.relname NOT LIKE 'flyway\\_schema\\_history%%'
			  AND a.attnum > 0 AND NOT a.attisdropped AND NOT a.attnotnull AND a.attgenerated = '' AND a.attislocal
			  AND NOT EXISTS (SELECT 1 FROM pg_inherits h WHERE h.inhparent = c.oid OR h.inhrelid = c.oid)
			  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.refobjid = c.oid AND d.refobjsubid = a.attnum
			      AND d.classid <> 'pg_attrdef'::regclass)
			  AND (SELECT count(*) FROM pg_attribute o WHERE o.attrelid = c.oid AND o.attnum > 0
			      AND NOT o.attisdropped) > 1
			  AND (xpath('/row/empty/text()', query_to_xml(format('SELECT NOT EXISTS (SELECT FROM %%I.%%I) AS empty',
			      n.nspname, c.relname), false, true, '')))[1]::text = 'true'
			ORDER BY 1
			""";

	private LeafObjects() {
	}

	/**
	 * Drops a seeded fifth (at least one) of the leaf objects; a drop PostgreSQL refuses
	 * (something depends on it after all) is not made. Returns the drops that were made.
	 */
	public static List<String> dropAFifth(TestDatabase database, Random random) {
		return dropAFifth(database, random, List.of());
	}

	/**
	 * As {@link #dropAFifth(TestDatabase, Random)}, among the objects of {@code schemas}
	 * only (empty: all).
	 */
	public static List<String> dropAFifth(TestDatabase database, Random random, Collection<String> schemas) {
		List<String> drops = new ArrayList<>(
				database.query(DROPS.formatted(schemas.isEmpty() ? USER_SCHEMA
						: USER_SCHEMA + " AND n.nspname IN (" + String.join(", ",
								schemas.stream().map((schema) -> "'" + schema.replace("'", "''") + "'").toList())
								+ ")")));
		Collections.shuffle(drops, random);
		List<String> made = new ArrayList<>();
		for (String drop : drops.subList(0, drops.isEmpty() ? 0 : Math.max(1, drops.size() / 5))) {
			try {
				database.execute(drop);
				made.add(drop);
			}
			catch (IllegalStateException refused) {
				// a foreign key or view still needs it: not a leaf
			}
		}
		return made;
	}

}
