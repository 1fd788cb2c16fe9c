package io.github.idempotentmigrations.engine.catalog;

/**
 * The pg_catalog queries the engine runs after PostgreSQL refused a statement; each
 * answers one question in one round trip. Names are resolved by PostgreSQL itself
 * ({@code to_regclass}, {@code to_regtype}), so an unqualified name finds what the
 * statement's own search path finds.
 */
final class CatalogQueries {

	private CatalogQueries() {
	}

	/**
	 * Schema and relkind of one relation ({@code ?} = quoted, possibly qualified name).
	 */
	static final String RELATION = """
			SELECT n.nspname, c.relkind::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
			 WHERE c.oid = to_regclass(?)
			""";

	/** Schema, typtype and enum labels (newline separated, in order) of one type. */
	static final String TYPE = """
			SELECT n.nspname, t.typtype::text,
			       (SELECT string_agg(e.enumlabel, E'\\n' ORDER BY e.enumsortorder) FROM pg_enum e
			         WHERE e.enumtypid = t.oid)
			  FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
			 WHERE t.oid = to_regtype(?)
			""";

	static final String SCHEMA_EXISTS = "SELECT 1 FROM pg_namespace WHERE nspname = ?";

	static final String EXTENSION_EXISTS = "SELECT 1 FROM pg_extension WHERE extname = ?";

	static final String CURRENT_SCHEMA = "SELECT current_schema()";

	/**
	 * Routines of one name in one schema (null = the current schema): identity arguments
	 * and definition.
	 */
	static final String ROUTINES = """
			SELECT pg_get_function_identity_arguments(p.oid), p.prokind::text,
			       CASE WHEN p.prokind IN ('f', 'p', 'w') THEN pg_get_functiondef(p.oid) END
			  FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
			 WHERE n.nspname = coalesce(?, current_schema()) AND p.proname = ?
			""";

	/**
	 * Whether another session of this database is building this index ({@code ?} = quoted
	 * name) now.
	 */
	static final String INDEX_BEING_BUILT = "SELECT 1 FROM pg_index x WHERE x.indexrelid = to_regclass(?) AND "
			+ IndexBuilds.BUILDING_X_ELSEWHERE;

	/**
	 * Columns, constraints, indexes, triggers and policies of one table ({@code ?} =
	 * quoted name); its persistence and partition key; its parent and bound when it is a
	 * partition.
	 */
	static final String TABLE = """
			WITH t AS (SELECT to_regclass(?) AS oid)
			SELECT 'column', a.attname::text, format_type(a.atttypid, a.atttypmod), a.attnotnull::text,
			       pg_get_expr(d.adbin, d.adrelid), a.attidentity::text || a.attgenerated::text, a.attnum,
			       (SELECT quote_ident(co.collname) FROM pg_collation co JOIN pg_type ty ON ty.oid = a.atttypid
			         WHERE co.oid = a.attcollation AND a.attcollation <> ty.typcollation)
			  FROM t JOIN pg_attribute a ON a.attrelid = t.oid
			  LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
			 WHERE a.attnum > 0 AND NOT a.attisdropped
			UNION ALL
			SELECT 'constraint', c.conname::text, c.contype::text, pg_get_constraintdef(c.oid), NULL, NULL, 0, NULL
			  FROM t JOIN pg_constraint c ON c.conrelid = t.oid
			UNION ALL
			SELECT 'index', ic.relname::text, pg_get_indexdef(i.indexrelid), i.indisvalid::text, NULL, NULL, 0,
			       NULL
			  FROM t JOIN pg_index i ON i.indrelid = t.oid JOIN pg_class ic ON ic.oid = i.indexrelid
			UNION ALL
			SELECT 'trigger', g.tgname::text, pg_get_triggerdef(g.oid), NULL, NULL, NULL, 0, NULL
			  FROM t JOIN pg_trigger g ON g.tgrelid = t.oid WHERE NOT g.tgisinternal
			UNION ALL
			SELECT 'policy', p.polname::text,
			       concat_ws(' | ', p.polcmd, p.polpermissive, p.polroles::text, pg_get_expr(p.polqual, p.polrelid),
			                 pg_get_expr(p.polwithcheck, p.polrelid)), NULL, NULL, NULL, 0, NULL
			  FROM t JOIN pg_policy p ON p.polrelid = t.oid
			UNION ALL
			SELECT 'parent', (SELECT n.nspname || '.' || pc.relname
			                    FROM pg_class pc JOIN pg_namespace n ON n.oid = pc.relnamespace
			                   WHERE pc.oid = h.inhparent), pg_get_expr(c.relpartbound, c.oid), NULL, NULL, NULL, 0,
			       NULL
			  FROM t JOIN pg_inherits h ON h.inhrelid = t.oid JOIN pg_class c ON c.oid = t.oid
			 WHERE c.relispartition
			UNION ALL
			SELECT 'relation', c.relpersistence::text, pg_get_partkeydef(c.oid), NULL, NULL, NULL, 0, NULL
			  FROM t JOIN pg_class c ON c.oid = t.oid
			ORDER BY 7
			""";

	/**
	 * A view's or materialized view's definition with its options ({@code ?} = quoted
	 * name).
	 */
	static final String VIEW = """
			SELECT c.relkind::text || ' ' || coalesce(c.reloptions::text, '') || ' ' || pg_get_viewdef(c.oid)
			  FROM pg_class c WHERE c.oid = to_regclass(?) AND c.relkind IN ('v', 'm')
			""";

	/** A sequence's definition, not its value ({@code ?} = quoted name). */
	static final String SEQUENCE = """
			SELECT concat_ws(' ', format_type(s.seqtypid, NULL), 'START', s.seqstart, 'INCREMENT', s.seqincrement,
			                 'MINVALUE', s.seqmin, 'MAXVALUE', s.seqmax, 'CACHE', s.seqcache,
			                 CASE WHEN s.seqcycle THEN 'CYCLE' ELSE 'NO CYCLE' END)
			  FROM pg_sequence s WHERE s.seqrelid = to_regclass(?)
			""";

	/** A composite type's attributes ({@code ?} = quoted name). */
	static final String COMPOSITE_TYPE = """
			SELECT string_agg(a.attname || ' ' || format_type(a.atttypid, a.atttypmod), ', ' ORDER BY a.attnum)
			  FROM pg_type t JOIN pg_attribute a ON a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped
			 WHERE t.oid = to_regtype(?)
			""";

	/**
	 * A domain's base type, nullability, default and checks ({@code ?} = quoted name).
	 */
	static final String DOMAIN = """
			SELECT concat_ws(' ', format_type(t.typbasetype, t.typtypmod), CASE WHEN t.typnotnull THEN 'NOT NULL' END,
			       'DEFAULT ' || t.typdefault,
			       (SELECT string_agg(pg_get_constraintdef(c.oid), ' ' ORDER BY pg_get_constraintdef(c.oid))
			          FROM pg_constraint c WHERE c.contypid = t.oid))
			  FROM pg_type t WHERE t.oid = to_regtype(?) AND t.typtype = 'd'
			""";

	/**
	 * Any other type: its typtype and, for a range, its subtype ({@code ?} = quoted
	 * name).
	 */
	static final String OTHER_TYPE = """
			SELECT t.typtype::text || ' ' || coalesce((SELECT format_type(r.rngsubtype, NULL) FROM pg_range r
			                                     WHERE r.rngtypid = t.oid), '')
			  FROM pg_type t WHERE t.oid = to_regtype(?)
			""";

}
