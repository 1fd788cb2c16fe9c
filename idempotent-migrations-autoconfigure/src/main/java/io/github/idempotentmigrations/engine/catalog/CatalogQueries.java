package io.github.idempotentmigrations.engine.catalog;

/** The few pg_catalog queries the engine runs; each answers a whole question in one round trip. */
final class CatalogQueries {

    private CatalogQueries() {
    }

    private static final String USER_SCHEMA = "n.nspname NOT IN ('pg_catalog', 'information_schema') "
            + "AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'";

    /** Every schema-level object of the database, plus the current schema: category, schema, name, kind, detail. */
    static final String OBJECTS = """
            SELECT 'current', current_schema(), current_schema(), NULL, NULL
            UNION ALL
            SELECT 'schema', n.nspname, n.nspname, NULL, NULL FROM pg_namespace n WHERE %1$s
            UNION ALL
            SELECT 'extension', NULL, e.extname, NULL, NULL FROM pg_extension e
            UNION ALL
            SELECT 'relation', n.nspname, c.relname, c.relkind::text, NULL
              FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE %1$s
            UNION ALL
            SELECT 'type', n.nspname, t.typname, t.typtype::text,
                   (SELECT string_agg(e.enumlabel, E'\\n' ORDER BY e.enumsortorder) FROM pg_enum e
                     WHERE e.enumtypid = t.oid)
              FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
             WHERE %1$s AND t.typtype IN ('e', 'd', 'r', 'b', 'c', 'm')
               AND (t.typrelid = 0 OR (SELECT c.relkind FROM pg_class c WHERE c.oid = t.typrelid) = 'c')
               AND NOT (t.typcategory = 'A' AND t.typelem <> 0)
            UNION ALL
            SELECT 'function', n.nspname, p.proname, p.prokind::text, pg_get_function_identity_arguments(p.oid)
              FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE %1$s
            """.formatted(USER_SCHEMA);

    /** Columns, constraints, indexes, triggers and policies of one table ({@code ?} = quoted qualified name). */
    static final String TABLE = """
            WITH t AS (SELECT to_regclass(?) AS oid)
            SELECT 'column', a.attname::text, format_type(a.atttypid, a.atttypmod), a.attnotnull::text,
                   pg_get_expr(d.adbin, d.adrelid), a.attidentity::text, a.attnum
              FROM t JOIN pg_attribute a ON a.attrelid = t.oid
              LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
             WHERE a.attnum > 0 AND NOT a.attisdropped
            UNION ALL
            SELECT 'constraint', c.conname::text, c.contype::text, pg_get_constraintdef(c.oid), NULL, NULL, 0
              FROM t JOIN pg_constraint c ON c.conrelid = t.oid
            UNION ALL
            SELECT 'index', ic.relname::text, pg_get_indexdef(i.indexrelid), i.indisvalid::text,
                   (EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid
                            AND c.conrelid = i.indrelid))::text, NULL, 0
              FROM t JOIN pg_index i ON i.indrelid = t.oid JOIN pg_class ic ON ic.oid = i.indexrelid
            UNION ALL
            SELECT 'trigger', g.tgname::text, pg_get_triggerdef(g.oid), NULL, NULL, NULL, 0
              FROM t JOIN pg_trigger g ON g.tgrelid = t.oid WHERE NOT g.tgisinternal
            UNION ALL
            SELECT 'policy', p.polname::text,
                   concat_ws(' | ', p.polcmd, p.polpermissive, p.polroles::text, pg_get_expr(p.polqual, p.polrelid),
                             pg_get_expr(p.polwithcheck, p.polrelid)), NULL, NULL, NULL, 0
              FROM t JOIN pg_policy p ON p.polrelid = t.oid
            UNION ALL
            SELECT 'parent', (SELECT n.nspname || '.' || pc.relname
                                FROM pg_class pc JOIN pg_namespace n ON n.oid = pc.relnamespace
                               WHERE pc.oid = h.inhparent), NULL, NULL, NULL, NULL, 0
              FROM t JOIN pg_inherits h ON h.inhrelid = t.oid JOIN pg_class c ON c.oid = t.oid
             WHERE c.relispartition
            ORDER BY 7
            """;

    /**
     * Fingerprint of one table's settings that {@code ALTER TABLE} actions without a dedicated guard change (row level
     * security, storage options, replica identity, owner, column storage/statistics, trigger states, clustering,
     * inheritance); {@code ?} = quoted qualified name.
     */
    static final String TABLE_SETTINGS_FINGERPRINT = """
            WITH t AS (SELECT to_regclass(?) AS oid)
            SELECT md5(concat_ws('|',
              (SELECT concat_ws(',', c.relrowsecurity, c.relforcerowsecurity, c.reloptions::text, c.relreplident,
                                c.relpersistence, c.relowner, c.relacl::text)
                 FROM pg_class c WHERE c.oid = t.oid),
              (SELECT string_agg(concat_ws(',', a.attname, a.attstattarget, a.attstorage, a.attoptions::text,
                                           a.attcompression), ';' ORDER BY a.attnum)
                 FROM pg_attribute a WHERE a.attrelid = t.oid AND a.attnum > 0),
              (SELECT string_agg(g.tgname || '=' || g.tgenabled::text, ';' ORDER BY g.tgname)
                 FROM pg_trigger g WHERE g.tgrelid = t.oid),
              (SELECT string_agg(i.indexrelid::regclass::text, ';' ORDER BY 1) FROM pg_index i
                WHERE i.indrelid = t.oid AND i.indisclustered),
              (SELECT string_agg(h.inhparent::regclass::text, ';' ORDER BY 1) FROM pg_inherits h
                WHERE h.inhrelid = t.oid)))
              FROM t
            """;

    /** Fingerprint of every comment in the database: tells whether a COMMENT changed anything. */
    static final String COMMENTS_FINGERPRINT = """
            SELECT md5(coalesce(string_agg(objoid || ':' || classoid || ':' || objsubid || ':' || description, ','
                                           ORDER BY objoid, classoid, objsubid), ''))
              FROM pg_description
            """;

    /** Fingerprint of every privilege in the database: tells whether a GRANT/REVOKE changed anything. */
    static final String PRIVILEGES_FINGERPRINT = """
            SELECT md5(concat(
              (SELECT string_agg(oid || ':' || relacl::text, ',' ORDER BY oid) FROM pg_class WHERE relacl IS NOT NULL),
              (SELECT string_agg(attrelid || ':' || attnum || ':' || attacl::text, ',' ORDER BY attrelid, attnum)
                 FROM pg_attribute WHERE attacl IS NOT NULL),
              (SELECT string_agg(oid || ':' || nspacl::text, ',' ORDER BY oid) FROM pg_namespace WHERE nspacl IS NOT NULL),
              (SELECT string_agg(oid || ':' || proacl::text, ',' ORDER BY oid) FROM pg_proc WHERE proacl IS NOT NULL),
              (SELECT string_agg(oid || ':' || typacl::text, ',' ORDER BY oid) FROM pg_type WHERE typacl IS NOT NULL),
              (SELECT string_agg(defaclrole || ':' || defaclacl::text, ',' ORDER BY oid) FROM pg_default_acl)))
            """;

    /**
     * Fingerprint of the user schema's structure: tells whether a DO block changed any schema object. {@code "char"}
     * columns are cast to text: {@code text || "char"} is ambiguous to PostgreSQL.
     */
    static final String SCHEMA_FINGERPRINT = """
            SELECT md5(concat(
              (SELECT string_agg(c.oid || c.relname || c.relkind::text, ',' ORDER BY c.oid) FROM pg_class c
                 JOIN pg_namespace n ON n.oid = c.relnamespace WHERE %1$s),
              (SELECT string_agg(a.attrelid || a.attname || a.atttypid || a.attnotnull || a.atthasdef, ','
                                 ORDER BY a.attrelid, a.attnum) FROM pg_attribute a
                 JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE %1$s AND a.attnum > 0 AND NOT a.attisdropped),
              (SELECT string_agg(oid || conname, ',' ORDER BY oid) FROM pg_constraint),
              (SELECT string_agg(t.oid || t.typname, ',' ORDER BY t.oid) FROM pg_type t
                 JOIN pg_namespace n ON n.oid = t.typnamespace WHERE %1$s),
              (SELECT string_agg(oid || enumlabel, ',' ORDER BY oid) FROM pg_enum),
              (SELECT string_agg(p.oid || p.proname || md5(p.prosrc), ',' ORDER BY p.oid) FROM pg_proc p
                 JOIN pg_namespace n ON n.oid = p.pronamespace WHERE %1$s),
              (SELECT string_agg(oid || tgname, ',' ORDER BY oid) FROM pg_trigger),
              (SELECT string_agg(oid || polname, ',' ORDER BY oid) FROM pg_policy),
              (SELECT string_agg(oid || extname, ',' ORDER BY oid) FROM pg_extension)))
            """.formatted(USER_SCHEMA);
}
