package io.github.idempotentmigrations.shadow;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One catalog query per object kind, each returning
 * {@code name, parent, definition, ddl}. They run with {@code search_path = pg_catalog},
 * so every name PostgreSQL prints ({@code format_type}, {@code pg_get_*def}) is
 * schema-qualified: the same text on both databases, and DDL that creates the object
 * where it was.
 * <p>
 * PostgreSQL's catalogs have no index by schema, so a query filtered by schema name reads
 * every object of the database: with a thousand tenant schemas, each of them. Narrowed to
 * some schemas, a snapshot first collects the oids of their relations, types and routines
 * (one pass over each catalog) and each query reaches its rows through those oids and the
 * catalogs' own indexes; the schema filter stays, so the rows are the same.
 */
final class SnapshotQueries {

	private static final String SETTINGS = "idempotent_migrations.snapshot_";

	/**
	 * The session setting that narrows a snapshot to some schemas (a text array literal:
	 * a schema's name may hold a comma); unset or empty: all of them.
	 */
	static final String SCHEMAS_SETTING = SETTINGS + "schemas";

	/**
	 * Whether the schema named by the argument expression is one a snapshot reads (system
	 * schemas never).
	 */
	static final String USER_SCHEMA = "(%1$s NOT LIKE 'pg\\_%%' AND %1$s <> 'information_schema'"
			+ " AND (coalesce(current_setting('" + SCHEMAS_SETTING + "', true), '') = ''"
			+ " OR %1$s = ANY (nullif(current_setting('" + SCHEMAS_SETTING + "', true), '')::text[])))";

	/**
	 * Narrows the session's snapshots to the schemas named by the parameters (the same
	 * text array twice, at least one name): the schemas, and the oids of their relations,
	 * types, routines and of the schemas themselves, through which the narrowed queries
	 * reach their rows.
	 * <p>
	 * The oids are found through {@code pg_depend}'s index on what is depended on, not by
	 * reading every relation, type and routine of the database: PostgreSQL records that
	 * each relation, routine and named type depends on its schema (moving it moves the
	 * record), except for objects that depend on another one instead, which are reached
	 * from it: a table's indexes ({@code pg_index}), its row type ({@code reltype}), a
	 * composite type's relation ({@code typrelid}), a range's multirange
	 * ({@code pg_range}) and every type's array ({@code typarray}). Of those only the
	 * ones in the schemas are kept: a multirange stays where it was when its range moves.
	 */
	static final String NARROW = """
			WITH s AS (SELECT oid FROM pg_namespace WHERE nspname = ANY (?::text[])),
			own AS (SELECT d.classid, d.objid FROM pg_depend d WHERE d.refclassid = 'pg_namespace'::regclass
			    AND d.refobjid IN (SELECT oid FROM s) AND d.deptype = 'n'),
			named_types AS (SELECT objid AS oid FROM own WHERE classid = 'pg_type'::regclass),
			tables AS (SELECT objid AS oid FROM own WHERE classid = 'pg_class'::regclass
			    UNION SELECT t.typrelid FROM pg_type t WHERE t.oid IN (SELECT oid FROM named_types) AND t.typrelid <> 0),
			relations AS (SELECT oid FROM tables
			    UNION SELECT i.indexrelid FROM pg_index i WHERE i.indrelid IN (SELECT oid FROM tables)),
			element_types AS (SELECT oid FROM named_types
			    UNION SELECT c.reltype FROM pg_class c WHERE c.oid IN (SELECT oid FROM tables) AND c.reltype <> 0
			    UNION SELECT r.rngmultitypid FROM pg_range r WHERE r.rngtypid IN (SELECT oid FROM named_types)),
			types AS (SELECT oid FROM element_types
			    UNION SELECT t.typarray FROM pg_type t WHERE t.oid IN (SELECT oid FROM element_types) AND t.typarray <> 0)
			SELECT set_config('{settings}schemas', (?::text[])::text, false),
			       set_config('{settings}relations', (SELECT coalesce(string_agg(c.oid::text, ','), '') FROM pg_class c
			           WHERE c.oid IN (SELECT oid FROM relations) AND c.relnamespace IN (SELECT oid FROM s)), false),
			       set_config('{settings}types', (SELECT coalesce(string_agg(t.oid::text, ','), '') FROM pg_type t
			           WHERE t.oid IN (SELECT oid FROM types) AND t.typnamespace IN (SELECT oid FROM s)), false),
			       set_config('{settings}routines', (SELECT coalesce(string_agg(objid::text, ','), '')
			           FROM own WHERE classid = 'pg_proc'::regclass), false),
			       set_config('{settings}namespaces', (SELECT coalesce(string_agg(oid::text, ','), '') FROM s), false)
			"""
		.replace("{settings}", SETTINGS);

	/** Ends the narrowing: snapshots read every schema again. */
	static final String WIDEN = """
			SELECT set_config('{settings}schemas', '', false), set_config('{settings}relations', '', false),
			       set_config('{settings}types', '', false), set_config('{settings}routines', '', false),
			       set_config('{settings}namespaces', '', false)
			""".replace("{settings}", SETTINGS);

	private static final String NARROWED_BY_OID = "relations,types,routines,namespaces";

	private static final String COMMENTED_BY_OID = "'pg_class'::regclass, 'pg_type'::regclass, 'pg_proc'::regclass,"
			+ " 'pg_namespace'::regclass";

	// A narrowing point: {narrow:<set>:<oid column>}, where the narrowed query reaches
	// its
	// rows through the oids of the set.
	private static final Pattern NARROWING = Pattern.compile("\\{narrow:(\\w+):([\\w.]+)}");

	private static final String NOT_EXTENSION_MEMBER = "NOT EXISTS (SELECT 1 FROM pg_depend e WHERE"
			+ " e.classid = '%s'::regclass AND e.objid = %s AND e.deptype = 'e')";

	private static final String RELATION = "format('%I.%I', n.nspname, c.relname)";

	private static final String COLLATE = "CASE WHEN %1$s <> 0 AND %1$s <> %2$s THEN ' COLLATE ' || (SELECT"
			+ " format('%%I.%%I', cn.nspname, co.collname) FROM pg_collation co JOIN pg_namespace cn"
			+ " ON cn.oid = co.collnamespace WHERE co.oid = %1$s) ELSE '' END";

	// Needs a (pg_attribute), ty (its pg_type) and ad (its pg_attrdef, left joined).
	private static final String COLUMN_DEFINITION = "format('%I ', a.attname) || format_type(a.atttypid, a.atttypmod)"
			+ " || " + COLLATE.formatted("a.attcollation", "ty.typcollation")
			+ " || CASE a.attidentity WHEN 'a' THEN ' GENERATED ALWAYS AS IDENTITY'"
			+ " WHEN 'd' THEN ' GENERATED BY DEFAULT AS IDENTITY' ELSE '' END"
			+ " || CASE a.attgenerated WHEN 's' THEN ' GENERATED ALWAYS AS (' || pg_get_expr(ad.adbin, ad.adrelid)"
			+ " || ') STORED' WHEN 'v' THEN ' GENERATED ALWAYS AS (' || pg_get_expr(ad.adbin, ad.adrelid) || ') VIRTUAL'"
			+ " ELSE coalesce(' DEFAULT ' || pg_get_expr(ad.adbin, ad.adrelid), '') END"
			+ " || CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END";

	// Ends a LATERAL subquery whose definition the query uses twice (as itself and in the
	// DDL): PostgreSQL would otherwise pull the subquery up and compute it twice.
	private static final String ONCE = " OFFSET 0";

	private static final String COLUMNS_OF_C = "FROM pg_attribute a JOIN pg_type ty ON ty.oid = a.atttypid"
			+ " LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum"
			+ " WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped";

	private static final String USER_RELATION = "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE "
			+ USER_SCHEMA.formatted("n.nspname") + " AND {narrow:relations:c.oid} AND "
			+ NOT_EXTENSION_MEMBER.formatted("pg_class", "c.oid");

	private static final String GRANTEE = "CASE WHEN %1$s = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(%1$s)) END";

	/*
	 * One statement per grant or revoke. A database-wide entry replaces the built-in
	 * defaults (acldefault), so what it takes away from them is a REVOKE; an entry for a
	 * schema only adds to the database-wide one. The session's own role goes unnamed, as
	 * a migration names it: a shadow may be migrated by another role.
	 */
	private static final String DEFAULT_PRIVILEGES = """
			SELECT s.name, NULL, t.statement, t.statement
			FROM (SELECT CASE WHEN pg_get_userbyid(x.defaclrole) = current_user THEN ''
			            ELSE format('FOR ROLE %I ', pg_get_userbyid(x.defaclrole)) END
			        || coalesce('IN SCHEMA ' || quote_ident(n.nspname) || ' ', '')
			        || format('%s %s ON %s %s ', e.action, e.privilege_type, x.objects,
			            CASE e.action WHEN 'GRANT' THEN 'TO' ELSE 'FROM' END) || {grantee} AS name,
			        n.nspname, e.is_grantable
			    FROM (SELECT da.*, CASE da.defaclobjtype WHEN 'r' THEN 'TABLES' WHEN 'S' THEN 'SEQUENCES'
			            WHEN 'f' THEN 'FUNCTIONS' WHEN 'T' THEN 'TYPES' WHEN 'n' THEN 'SCHEMAS'
			            ELSE 'LARGE OBJECTS' END AS objects,
			            CASE WHEN da.defaclnamespace = 0 THEN acldefault(CASE da.defaclobjtype WHEN 'S' THEN 's'
			                ELSE da.defaclobjtype END, da.defaclrole) END AS base
			        FROM pg_default_acl da) x
			    LEFT JOIN pg_namespace n ON n.oid = x.defaclnamespace
			    CROSS JOIN LATERAL (SELECT 'GRANT' AS action, a.privilege_type, a.grantee, a.is_grantable
			            FROM aclexplode(x.defaclacl) a WHERE (a.grantee, a.privilege_type, a.is_grantable)
			                NOT IN (SELECT b.grantee, b.privilege_type, b.is_grantable FROM aclexplode(x.base) b)
			        UNION ALL SELECT 'REVOKE', b.privilege_type, b.grantee, false
			            FROM aclexplode(x.base) b WHERE (b.grantee, b.privilege_type)
			                NOT IN (SELECT a.grantee, a.privilege_type FROM aclexplode(x.defaclacl) a)) e) s
			CROSS JOIN LATERAL (SELECT 'ALTER DEFAULT PRIVILEGES ' || s.name
			    || CASE WHEN s.is_grantable THEN ' WITH GRANT OPTION' ELSE '' END AS statement) t
			WHERE s.nspname IS NULL OR {user}""".replace("{grantee}", GRANTEE.formatted("e.grantee"))
		.replace("{user}", USER_SCHEMA.formatted("s.nspname"));

	// pg_get_functiondef refuses aggregates: CREATE AGGREGATE from pg_aggregate, each
	// option as pg_dump spells it.
	private static final String AGGREGATES = """
			SELECT format('%I.%I(%s)', n.nspname, p.proname, pg_get_function_identity_arguments(p.oid)), NULL,
			       d.definition, d.definition
			FROM pg_aggregate g JOIN pg_proc p ON p.oid = g.aggfnoid JOIN pg_namespace n ON n.oid = p.pronamespace
			CROSS JOIN LATERAL (SELECT format('CREATE AGGREGATE %I.%I(%s) (', n.nspname, p.proname,
			    pg_get_function_arguments(p.oid)) || concat_ws(', ',
			    'SFUNC = ' || g.aggtransfn::regproc, 'STYPE = ' || format_type(g.aggtranstype, NULL),
			    'SSPACE = ' || nullif(g.aggtransspace, 0), 'FINALFUNC = ' || nullif(g.aggfinalfn::oid, 0)::regproc,
			    CASE WHEN g.aggfinalextra THEN 'FINALFUNC_EXTRA' END,
			    'FINALFUNC_MODIFY = ' || {finalmodify}, 'COMBINEFUNC = ' || nullif(g.aggcombinefn::oid, 0)::regproc,
			    'SERIALFUNC = ' || nullif(g.aggserialfn::oid, 0)::regproc,
			    'DESERIALFUNC = ' || nullif(g.aggdeserialfn::oid, 0)::regproc,
			    'INITCOND = ' || quote_literal(g.agginitval), 'MSFUNC = ' || nullif(g.aggmtransfn::oid, 0)::regproc,
			    'MINVFUNC = ' || nullif(g.aggminvtransfn::oid, 0)::regproc,
			    'MSTYPE = ' || format_type(nullif(g.aggmtranstype, 0), NULL),
			    'MSSPACE = ' || nullif(g.aggmtransspace, 0), 'MFINALFUNC = ' || nullif(g.aggmfinalfn::oid, 0)::regproc,
			    CASE WHEN g.aggmfinalextra THEN 'MFINALFUNC_EXTRA' END, 'MFINALFUNC_MODIFY = ' || {mfinalmodify},
			    'MINITCOND = ' || quote_literal(g.aggminitval),
			    'SORTOP = ' || (SELECT format('OPERATOR(%I.%s)', opn.nspname, o.oprname) FROM pg_operator o
			        JOIN pg_namespace opn ON opn.oid = o.oprnamespace WHERE o.oid = g.aggsortop),
			    CASE p.proparallel WHEN 's' THEN 'PARALLEL = SAFE' WHEN 'r' THEN 'PARALLEL = RESTRICTED' END,
			    CASE WHEN g.aggkind = 'h' THEN 'HYPOTHETICAL' END) || ')' AS definition) d
			WHERE {user} AND {narrow:routines:g.aggfnoid} AND {member}"""
		.replace("{finalmodify}", modify("g.aggfinalfn", "g.aggfinalmodify"))
		.replace("{mfinalmodify}", modify("g.aggmfinalfn", "g.aggmfinalmodify"))
		.replace("{user}", USER_SCHEMA.formatted("n.nspname"))
		.replace("{member}", NOT_EXTENSION_MEMBER.formatted("pg_proc", "p.oid"));

	private static final Map<ObjectKind, String> QUERIES = new EnumMap<>(ObjectKind.class);

	static {
		QUERIES.put(ObjectKind.SCHEMA,
				"SELECT quote_ident(n.nspname), NULL, '', 'CREATE SCHEMA ' || quote_ident(n.nspname)"
						+ " FROM pg_namespace n WHERE " + USER_SCHEMA.formatted("n.nspname") + " AND "
						+ NOT_EXTENSION_MEMBER.formatted("pg_namespace", "n.oid"));
		QUERIES.put(ObjectKind.EXTENSION,
				"SELECT quote_ident(x.extname), NULL, 'schema ' || quote_ident(n.nspname),"
						+ " format('CREATE EXTENSION IF NOT EXISTS %I WITH SCHEMA %I', x.extname, n.nspname)"
						+ " FROM pg_extension x JOIN pg_namespace n ON n.oid = x.extnamespace");
		QUERIES.put(ObjectKind.TYPE,
				"""
						SELECT format('%I.%I', n.nspname, t.typname), NULL, d.definition,
						       CASE t.typtype WHEN 'd' THEN 'CREATE DOMAIN ' ELSE 'CREATE TYPE ' END
						       || format('%I.%I', n.nspname, t.typname) || ' AS ' || d.definition
						FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
						CROSS JOIN LATERAL (SELECT CASE t.typtype
						    WHEN 'e' THEN 'ENUM (' || (SELECT coalesce(string_agg(quote_literal(e.enumlabel), ', '
						        ORDER BY e.enumsortorder), '') FROM pg_enum e WHERE e.enumtypid = t.oid) || ')'
						    WHEN 'd' THEN format_type(t.typbasetype, t.typtypmod)
						        || {collate}
						        || coalesce(' DEFAULT ' || t.typdefault, '')
						        || CASE WHEN t.typnotnull THEN ' NOT NULL' ELSE '' END
						        || coalesce((SELECT string_agg(format(' CONSTRAINT %I ', k.conname) || pg_get_constraintdef(k.oid),
						            '' ORDER BY k.conname) FROM pg_constraint k WHERE k.contypid = t.oid AND k.contype = 'c'), '')
						    ELSE '(' || (SELECT string_agg(format('%I ', a.attname) || format_type(a.atttypid, a.atttypmod), ', '
						        ORDER BY a.attnum) FROM pg_attribute a WHERE a.attrelid = t.typrelid AND a.attnum > 0
						        AND NOT a.attisdropped) || ')'
						    END AS definition) d
						WHERE {user} AND {narrow:types:t.oid} AND {member}
						  AND (t.typtype IN ('e', 'd') OR (t.typtype = 'c'
						       AND (SELECT r.relkind FROM pg_class r WHERE r.oid = t.typrelid) = 'c'))
						"""
					.replace("{collate}",
							COLLATE.formatted("t.typcollation",
									"(SELECT b.typcollation FROM pg_type b WHERE b.oid = t.typbasetype)"))
					.replace("{user}", USER_SCHEMA.formatted("n.nspname"))
					.replace("{member}", NOT_EXTENSION_MEMBER.formatted("pg_type", "t.oid")));
		QUERIES.put(ObjectKind.SEQUENCE, "SELECT " + RELATION + ", NULL, d.definition, 'CREATE SEQUENCE ' || "
				+ RELATION + " || ' ' || d.definition FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid"
				+ " JOIN pg_namespace n ON n.oid = c.relnamespace CROSS JOIN LATERAL (SELECT 'AS '"
				+ " || format_type(s.seqtypid, NULL) || ' INCREMENT BY ' || s.seqincrement || ' MINVALUE ' || s.seqmin"
				+ " || ' MAXVALUE ' || s.seqmax || ' START WITH ' || s.seqstart || ' CACHE ' || s.seqcache"
				+ " || CASE WHEN s.seqcycle THEN ' CYCLE' ELSE ' NO CYCLE' END AS definition) d" + " WHERE "
				+ USER_SCHEMA.formatted("n.nspname") + " AND {narrow:relations:s.seqrelid}"
				// Identity sequences come with their column; extension members with their
				// extension.
				+ " AND NOT EXISTS (SELECT 1 FROM pg_depend x WHERE x.classid = 'pg_class'::regclass"
				+ " AND x.objid = c.oid AND x.deptype IN ('i', 'e'))");
		// pg_sequences' own definition, reached through the sequence's oid when narrowed
		QUERIES.put(ObjectKind.SEQUENCE_VALUE, "SELECT " + RELATION + ", NULL, '', CASE WHEN v.last_value IS NOT NULL"
				+ " THEN format('SELECT pg_catalog.setval(%L, %s, true)', " + RELATION + ", v.last_value) END"
				+ " FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
				+ " CROSS JOIN LATERAL (SELECT CASE WHEN has_sequence_privilege(c.oid, 'SELECT,USAGE')"
				+ " THEN pg_sequence_last_value(c.oid::regclass) END AS last_value) v"
				+ " WHERE NOT pg_is_other_temp_schema(n.oid) AND c.relkind = 'S' AND "
				+ USER_SCHEMA.formatted("n.nspname") + " AND {narrow:relations:s.seqrelid}");
		QUERIES.put(ObjectKind.FUNCTION, "SELECT format('%I.%I(%s)', n.nspname, p.proname,"
				+ " pg_get_function_identity_arguments(p.oid)), NULL, pg_get_functiondef(p.oid), pg_get_functiondef(p.oid)"
				+ " FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE p.prokind IN ('f', 'p', 'w') AND "
				+ USER_SCHEMA.formatted("n.nspname") + " AND {narrow:routines:p.oid} AND "
				+ NOT_EXTENSION_MEMBER.formatted("pg_proc", "p.oid") + " UNION ALL " + AGGREGATES);
		QUERIES.put(ObjectKind.TABLE, "SELECT " + RELATION + ", NULL, d.definition, 'CREATE '"
				+ " || CASE c.relpersistence WHEN 'u' THEN 'UNLOGGED ' ELSE '' END || 'TABLE ' || " + RELATION
				+ " || CASE WHEN c.relispartition THEN '' ELSE ' (' || coalesce((SELECT string_agg(" + COLUMN_DEFINITION
				+ ", ', ' ORDER BY a.attnum) " + COLUMNS_OF_C + " AND a.attislocal), '') || ')' END || d.definition"
				+ " "
				+ USER_RELATION.replace("WHERE", "CROSS JOIN LATERAL (SELECT"
						+ " CASE WHEN c.relispartition THEN ' PARTITION OF ' || (SELECT format('%I.%I', pn.nspname,"
						+ " p.relname) FROM pg_inherits i JOIN pg_class p ON p.oid = i.inhparent JOIN pg_namespace pn"
						+ " ON pn.oid = p.relnamespace WHERE i.inhrelid = c.oid) || ' ' || pg_get_expr(c.relpartbound,"
						+ " c.oid) ELSE coalesce(' INHERITS (' || (SELECT string_agg(format('%I.%I', pn.nspname,"
						+ " p.relname), ', ' ORDER BY i.inhseqno) FROM pg_inherits i JOIN pg_class p ON p.oid = i.inhparent"
						+ " JOIN pg_namespace pn ON pn.oid = p.relnamespace WHERE i.inhrelid = c.oid) || ')', '') END"
						+ " || CASE WHEN c.relkind = 'p' THEN ' PARTITION BY '"
						+ " || pg_get_partkeydef(c.oid) ELSE '' END || coalesce(' WITH ('"
						+ " || array_to_string(c.reloptions, ', ') || ')', '') AS definition" + ONCE + ") d WHERE")
				+ " AND c.relkind IN ('r', 'p')");
		QUERIES.put(ObjectKind.COLUMN, "SELECT format('%I.%I.%I', n.nspname, c.relname, a.attname), " + RELATION
				+ ", d.definition, 'ALTER TABLE ' || " + RELATION + " || ' ADD COLUMN ' || d.definition"
				+ " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
				+ " JOIN pg_attribute a ON a.attrelid = c.oid JOIN pg_type ty ON ty.oid = a.atttypid"
				+ " LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum"
				+ " CROSS JOIN LATERAL (SELECT " + COLUMN_DEFINITION + " AS definition" + ONCE
				+ ") d WHERE a.attnum > 0 AND NOT a.attisdropped AND a.attislocal AND c.relkind IN ('r', 'p') AND "
				+ USER_SCHEMA.formatted("n.nspname") + " AND {narrow:relations:c.oid} AND "
				+ NOT_EXTENSION_MEMBER.formatted("pg_class", "c.oid"));
		QUERIES.put(ObjectKind.ROWS, "SELECT " + RELATION + ", " + RELATION + ", '', (SELECT"
				+ " string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum) FROM pg_attribute a WHERE a.attrelid = c.oid"
				+ " AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '') " + USER_RELATION
				+ " AND c.relkind = 'r'");
		QUERIES.put(ObjectKind.SEQUENCE_OWNER, "SELECT " + RELATION + ", format('%I.%I', tn.nspname, t.relname),"
				+ " format('OWNED BY %I.%I.%I', tn.nspname, t.relname, a.attname),"
				+ " format('ALTER SEQUENCE %I.%I OWNED BY %I.%I.%I', n.nspname, c.relname, tn.nspname, t.relname,"
				+ " a.attname) FROM pg_depend d JOIN pg_class c ON c.oid = d.objid AND c.relkind = 'S'"
				+ " JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_class t ON t.oid = d.refobjid"
				+ " JOIN pg_namespace tn ON tn.oid = t.relnamespace"
				+ " JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid"
				+ " WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass"
				+ " AND d.deptype = 'a' AND " + USER_SCHEMA.formatted("n.nspname") + " AND {narrow:relations:d.objid}");
		QUERIES.put(ObjectKind.CONSTRAINT, constraints("k.contype IN ('p', 'u', 'c', 'x')"));
		QUERIES.put(ObjectKind.FOREIGN_KEY, constraints("k.contype = 'f'"));
		QUERIES.put(ObjectKind.INDEX, "SELECT format('%I.%I', n.nspname, i.relname), format('%I.%I', tn.nspname,"
				+ " t.relname), pg_get_indexdef(x.indexrelid) || CASE WHEN x.indisvalid THEN '' ELSE ' (INVALID)' END,"
				// ON ONLY would leave a partitioned table's index INVALID until each
				// partition's is attached.
				+ " CASE WHEN i.relkind = 'I' THEN replace(pg_get_indexdef(x.indexrelid), ' ON ONLY ', ' ON ')"
				+ " ELSE pg_get_indexdef(x.indexrelid) END FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid"
				+ " JOIN pg_namespace n ON n.oid = i.relnamespace JOIN pg_class t ON t.oid = x.indrelid"
				+ " JOIN pg_namespace tn ON tn.oid = t.relnamespace WHERE " + USER_SCHEMA.formatted("n.nspname")
				+ " AND {narrow:relations:x.indexrelid}"
				// Indexes behind constraints come with the constraint, those of
				// partitions with the parent's index.
				// (a constraint's conrelid is its index's table: the lookup is indexed)
				+ " AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conrelid = x.indrelid"
				+ " AND k.conindid = x.indexrelid AND k.contype IN ('p', 'u', 'x')) AND NOT EXISTS (SELECT 1 FROM pg_inherits h"
				+ " WHERE h.inhrelid = x.indexrelid) AND " + NOT_EXTENSION_MEMBER.formatted("pg_class", "t.oid"));
		QUERIES.put(ObjectKind.VIEW, views("'v'", "''", "VIEW"));
		QUERIES.put(ObjectKind.MATERIALIZED_VIEW, views("'m'",
				"CASE WHEN c.relispopulated THEN ' WITH DATA' ELSE ' WITH NO DATA' END", "MATERIALIZED VIEW"));
		QUERIES.put(ObjectKind.TRIGGER,
				"SELECT format('%I.%I.%I', n.nspname, c.relname, t.tgname), " + RELATION
						+ ", pg_get_triggerdef(t.oid), pg_get_triggerdef(t.oid) FROM pg_trigger t JOIN pg_class c"
						+ " ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
						+ " WHERE NOT t.tgisinternal AND t.tgparentid = 0 AND " + USER_SCHEMA.formatted("n.nspname")
						+ " AND {narrow:relations:t.tgrelid}");
		QUERIES.put(ObjectKind.ROW_SECURITY, "SELECT " + RELATION + ", " + RELATION + ", CASE WHEN"
				+ " c.relforcerowsecurity THEN 'enabled, forced' ELSE 'enabled' END, 'ALTER TABLE ' || " + RELATION
				+ " || ' ENABLE ROW LEVEL SECURITY' || CASE WHEN c.relforcerowsecurity THEN '; ALTER TABLE ' || "
				+ RELATION + " || ' FORCE ROW LEVEL SECURITY' ELSE '' END " + USER_RELATION + " AND c.relrowsecurity");
		QUERIES.put(ObjectKind.POLICY, "SELECT format('%I.%I.%I', n.nspname, c.relname, p.polname), " + RELATION
				+ ", d.definition, format('CREATE POLICY %I ON %I.%I', p.polname, n.nspname, c.relname) || d.definition"
				+ " FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
				+ " CROSS JOIN LATERAL (SELECT CASE WHEN p.polpermissive THEN ' AS PERMISSIVE' ELSE ' AS RESTRICTIVE'"
				+ " END || ' FOR ' || CASE p.polcmd WHEN 'r' THEN 'SELECT' WHEN 'a' THEN 'INSERT' WHEN 'w' THEN"
				+ " 'UPDATE' WHEN 'd' THEN 'DELETE' ELSE 'ALL' END || ' TO ' || (SELECT string_agg(role, ', '"
				+ " ORDER BY role) FROM (SELECT CASE WHEN r = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(r))"
				+ " END AS role FROM unnest(p.polroles) r) roles) || coalesce(' USING (' || pg_get_expr(p.polqual,"
				+ " p.polrelid) || ')', '') || coalesce(' WITH CHECK (' || pg_get_expr(p.polwithcheck, p.polrelid)"
				+ " || ')', '') AS definition) d WHERE " + USER_SCHEMA.formatted("n.nspname")
				+ " AND {narrow:relations:p.polrelid}");
		QUERIES.put(ObjectKind.COMMENT, "SELECT o.type || ' ' || o.identity, NULL, d.description, 'COMMENT ON '"
				+ " || upper(CASE WHEN o.type LIKE '% column' THEN 'column' WHEN o.type = 'table constraint'"
				+ " THEN 'constraint' WHEN o.type = 'composite type' THEN 'type' ELSE o.type END) || ' ' || o.identity"
				+ " || ' IS ' || quote_literal(d.description) FROM {narrow:comments:pg_description} d"
				+ " CROSS JOIN LATERAL pg_identify_object(d.classoid, d.objoid, d.objsubid) o"
				// pg_identify_object quotes a schema's name where it needs quotes
				+ " WHERE o.type <> 'domain constraint' AND CASE WHEN o.type = 'schema' THEN "
				+ USER_SCHEMA.formatted("(parse_ident(o.identity))[1]") + " ELSE o.schema IS NOT NULL AND "
				+ USER_SCHEMA.formatted("(parse_ident(o.schema))[1]") + " END AND NOT EXISTS (SELECT 1 FROM pg_depend e"
				+ " WHERE e.classid = d.classoid AND e.objid = d.objoid AND e.deptype = 'e')");
	}

	static {
		QUERIES.put(ObjectKind.PRIVILEGE, "SELECT format('%s%s ON %s %s TO %s', a.privilege_type, ' (' || o.col || ')',"
				+ " o.keyword, o.name, g.grantee), NULL, CASE WHEN a.is_grantable THEN 'WITH GRANT OPTION' ELSE '' END,"
				+ " format('GRANT %s%s ON %s %s TO %s', a.privilege_type, ' (' || o.col || ')', o.keyword, o.name,"
				+ " g.grantee) || CASE WHEN a.is_grantable THEN ' WITH GRANT OPTION' ELSE '' END FROM ("
				+ "SELECT CASE c.relkind WHEN 'S' THEN 'SEQUENCE' ELSE 'TABLE' END AS keyword, " + RELATION
				+ " AS name, NULL AS col, c.relacl AS acl, c.relowner AS owner " + USER_RELATION
				+ " AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') UNION ALL SELECT 'TABLE', " + RELATION
				+ ", quote_ident(a.attname), a.attacl, c.relowner FROM pg_attribute a JOIN pg_class c ON c.oid ="
				+ " a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE a.attacl IS NOT NULL AND "
				+ USER_SCHEMA.formatted("n.nspname") + " AND {narrow:relations:a.attrelid} AND "
				+ NOT_EXTENSION_MEMBER.formatted("pg_class", "c.oid")
				+ " UNION ALL SELECT CASE p.prokind WHEN 'p' THEN 'PROCEDURE' ELSE 'FUNCTION' END,"
				// GRANT names an ordered-set aggregate's arguments without ORDER BY
				+ " CASE p.prokind WHEN 'a' THEN p.oid::regprocedure::text ELSE format('%I.%I(%s)', n.nspname,"
				+ " p.proname, pg_get_function_identity_arguments(p.oid)) END, NULL, p.proacl, p.proowner"
				+ " FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE "
				+ USER_SCHEMA.formatted("n.nspname") + " AND {narrow:routines:p.oid} AND "
				+ NOT_EXTENSION_MEMBER.formatted("pg_proc", "p.oid")
				+ " UNION ALL SELECT 'SCHEMA', quote_ident(n.nspname), NULL, n.nspacl, n.nspowner FROM pg_namespace n"
				+ " WHERE " + USER_SCHEMA.formatted("n.nspname") + ") o CROSS JOIN LATERAL aclexplode(o.acl) a"
				+ " CROSS JOIN LATERAL (SELECT " + GRANTEE.formatted("a.grantee") + " AS grantee) g"
				+ " WHERE a.grantee <> o.owner");
		QUERIES.put(ObjectKind.DEFAULT_PRIVILEGE, DEFAULT_PRIVILEGES);
	}

	private SnapshotQueries() {
	}

	/**
	 * The query for {@code kind}; {@code narrowed}: for a session narrowed to some
	 * schemas by {@link #NARROW}, reaching its rows through their oids.
	 */
	static String of(ObjectKind kind, boolean narrowed) {
		Matcher narrowing = NARROWING.matcher(QUERIES.get(kind));
		return narrowing
			.replaceAll((point) -> Matcher.quoteReplacement(narrowed ? narrowedTo(point.group(1), point.group(2))
					: point.group(1).equals("comments") ? point.group(2) : "true"));
	}

	private static String narrowedTo(String set, String oid) {
		if (set.equals("comments")) {
			// Comments on the narrowed relations (and their columns), types, routines and
			// schemas by oid; on objects of other classes (constraints, triggers, rules,
			// operators, collations ...) through what they depend on: one of those, or
			// the schema itself.
			String narrowedOids = narrowedTo(NARROWED_BY_OID, "d.refobjid");
			return "(SELECT * FROM pg_description WHERE " + narrowedTo(NARROWED_BY_OID, "objoid") + " AND classoid IN ("
					+ COMMENTED_BY_OID + ") UNION ALL SELECT * FROM pg_description WHERE classoid NOT IN ("
					+ COMMENTED_BY_OID + ") AND (objoid, classoid) IN (SELECT d.objid, d.classid FROM pg_depend d"
					+ " WHERE d.refclassid IN (" + COMMENTED_BY_OID + ") AND " + narrowedOids + "))";
		}
		// One array for the whole query (an InitPlan), not one per row.
		String array = Arrays.stream(set.split(","))
			.map((name) -> "string_to_array(current_setting('" + SETTINGS + name + "'), ',')::oid[]")
			.collect(Collectors.joining(" || "));
		return oid + " = ANY ((SELECT " + array + ")::oid[])";
	}

	/** How a final function may modify the state, when there is one. */
	private static String modify(String function, String modify) {
		return "CASE WHEN " + function + "::oid <> 0 THEN CASE " + modify + " WHEN 'r' THEN 'READ_ONLY' WHEN 's' THEN"
				+ " 'SHAREABLE' ELSE 'READ_WRITE' END END";
	}

	private static String constraints(String contype) {
		return "SELECT format('%I.%I.%I', n.nspname, c.relname, k.conname), " + RELATION
				+ ", pg_get_constraintdef(k.oid), 'ALTER TABLE ' || " + RELATION
				+ " || format(' ADD CONSTRAINT %I ', k.conname) || pg_get_constraintdef(k.oid)"
				+ " FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n"
				+ " ON n.oid = c.relnamespace WHERE k.conislocal AND " + contype + " AND "
				+ USER_SCHEMA.formatted("n.nspname") + " AND {narrow:relations:k.conrelid} AND "
				+ NOT_EXTENSION_MEMBER.formatted("pg_class", "c.oid");
	}

	private static String views(String relkind, String population, String keyword) {
		return "SELECT " + RELATION + ", NULL, d.definition, 'CREATE " + keyword + " ' || " + RELATION
				+ " || d.definition "
				+ USER_RELATION.replace("WHERE",
						"CROSS JOIN LATERAL (SELECT coalesce(' WITH ('"
								+ " || array_to_string(c.reloptions, ', ') || ')', '') || ' AS '"
								+ " || regexp_replace(pg_get_viewdef(c.oid), ';\\s*$', '') || " + population
								+ " AS definition" + ONCE + ") d WHERE")
				+ " AND c.relkind = " + relkind;
	}

}
