package io.github.idempotentmigrations.conformance;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import io.github.idempotentmigrations.testsupport.TestDatabase;

/**
 * A few rows a user added to existing tables after the migrations ran: each insert gives
 * a value only to the required columns without a default, by type category; an insert a
 * constraint refuses is simply not made.
 */
final class UserRows {

	/** Rows a state adds ({@code -Dconformance.user-rows}). */
	private static final int WANTED = Integer.getInteger("conformance.user-rows", 3);

	// one INSERT per application table, NULL when a required column has a type this does
	// not invent values for
	private static final String INSERTS = """
			SELECT CASE WHEN bool_and(a.attname IS NULL OR t.typcategory IN ('S', 'N', 'B', 'D', 'U'))
			       THEN format('INSERT INTO %I.%I', n.nspname, c.relname) || coalesce(
			         ' (' || string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum) || ') VALUES ('
			         || string_agg(CASE t.typcategory WHEN 'S' THEN '''u%1$s''' WHEN 'N' THEN '%1$s'
			            WHEN 'B' THEN 'true' WHEN 'D' THEN 'now()' ELSE 'gen_random_uuid()' END
			            || '::' || format_type(a.atttypid, a.atttypmod), ', ' ORDER BY a.attnum) || ')',
			         ' DEFAULT VALUES') END
			FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
			LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
			  AND a.attnotnull AND NOT a.atthasdef AND a.attidentity = '' AND a.attgenerated = ''
			LEFT JOIN pg_type t ON t.oid = a.atttypid
			WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND c.relname NOT LIKE 'flyway\\_schema\\_history%'
			  AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
			GROUP BY n.nspname, c.relname ORDER BY n.nspname, c.relname
			""";

	private UserRows() {
	}

	/**
	 * Adds up to {@link #WANTED} rows to seeded tables; returns the inserts that were
	 * made.
	 */
	static List<String> add(TestDatabase database, Random random) {
		List<String> inserts = new ArrayList<>(database.query(INSERTS));
		inserts.removeIf((insert) -> insert == null);
		Collections.shuffle(inserts, random);
		List<String> made = new ArrayList<>();
		for (String template : inserts) {
			// a small number: fits smallint and short varchar columns, unlikely to meet
			// an existing key
			String insert = template.formatted(20_000 + random.nextInt(10_000));
			try {
				database.execute(insert);
				made.add(insert);
			}
			catch (IllegalStateException refused) {
				// a foreign key, check or length refused this invented row: another table
				// gets one instead
			}
			if (made.size() == WANTED) {
				break;
			}
		}
		return made;
	}

}
