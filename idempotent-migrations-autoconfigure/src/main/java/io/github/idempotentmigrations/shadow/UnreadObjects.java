package io.github.idempotentmigrations.shadow;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The objects of a shadow that the schema snapshot does not read (operators, casts,
 * collations, text search, rules, statistics, publications, event triggers, foreign
 * tables...): a comparison that cannot see them would call a partial copy converged, so
 * adoption refuses instead. Extension members come with their extension, and what is part
 * of another object (an array type, a view's rule) with that object.
 */
public final class UnreadObjects {

	// Built in at initdb: lower object ids. A shadow starts from template0, so every
	// higher one is the migrations'.
	private static final String CREATED = "oid >= 16384";

	private static final String QUERY = """
			SELECT o.type || ' ' || o.identity
			FROM (SELECT 'pg_type'::regclass, oid, typnamespace FROM pg_type WHERE typtype IN ('b', 'r', 'p')
			    UNION ALL SELECT 'pg_class'::regclass, oid, relnamespace FROM pg_class WHERE relkind = 'f'
			    UNION ALL SELECT 'pg_rewrite'::regclass, r.oid, c.relnamespace FROM pg_rewrite r
			        JOIN pg_class c ON c.oid = r.ev_class WHERE r.rulename <> '_RETURN'
			    UNION ALL SELECT 'pg_statistic_ext'::regclass, oid, stxnamespace FROM pg_statistic_ext
			    UNION ALL SELECT 'pg_collation'::regclass, oid, collnamespace FROM pg_collation
			    UNION ALL SELECT 'pg_conversion'::regclass, oid, connamespace FROM pg_conversion
			    UNION ALL SELECT 'pg_operator'::regclass, oid, oprnamespace FROM pg_operator
			    UNION ALL SELECT 'pg_opclass'::regclass, oid, opcnamespace FROM pg_opclass
			    UNION ALL SELECT 'pg_opfamily'::regclass, oid, opfnamespace FROM pg_opfamily
			    UNION ALL SELECT 'pg_ts_config'::regclass, oid, cfgnamespace FROM pg_ts_config
			    UNION ALL SELECT 'pg_ts_dict'::regclass, oid, dictnamespace FROM pg_ts_dict
			    UNION ALL SELECT 'pg_ts_parser'::regclass, oid, prsnamespace FROM pg_ts_parser
			    UNION ALL SELECT 'pg_ts_template'::regclass, oid, tmplnamespace FROM pg_ts_template
			    UNION ALL SELECT 'pg_cast'::regclass, oid, NULL FROM pg_cast WHERE {created}
			    UNION ALL SELECT 'pg_transform'::regclass, oid, NULL FROM pg_transform
			    UNION ALL SELECT 'pg_language'::regclass, oid, NULL FROM pg_language WHERE {created}
			    UNION ALL SELECT 'pg_am'::regclass, oid, NULL FROM pg_am WHERE {created}
			    UNION ALL SELECT 'pg_event_trigger'::regclass, oid, NULL FROM pg_event_trigger
			    UNION ALL SELECT 'pg_publication'::regclass, oid, NULL FROM pg_publication
			    UNION ALL SELECT 'pg_subscription'::regclass, oid, NULL FROM pg_subscription
			        WHERE subdbid = (SELECT oid FROM pg_database WHERE datname = current_database())
			    UNION ALL SELECT 'pg_foreign_data_wrapper'::regclass, oid, NULL FROM pg_foreign_data_wrapper
			    UNION ALL SELECT 'pg_foreign_server'::regclass, oid, NULL FROM pg_foreign_server
			    UNION ALL SELECT 'pg_user_mapping'::regclass, umid, NULL FROM pg_user_mappings
			) u (classid, objid, namespace)
			LEFT JOIN pg_namespace n ON n.oid = u.namespace
			CROSS JOIN LATERAL pg_identify_object(u.classid, u.objid, 0) o
			WHERE (u.namespace IS NULL OR {user})
			  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = u.classid AND d.objid = u.objid
			      AND d.deptype IN ('e', 'i'))
			ORDER BY 1""".replace("{created}", CREATED)
		.replace("{user}", SnapshotQueries.USER_SCHEMA.formatted("n.nspname"));

	private UnreadObjects() {
	}

	/**
	 * Each object of the shadow's user schemas and database of a kind the snapshot does
	 * not read, for people.
	 */
	public static List<String> of(Connection shadow) throws SQLException {
		return CatalogSearchPath.with(shadow, () -> {
			List<String> unread = new ArrayList<>();
			try (Statement statement = shadow.createStatement(); ResultSet rs = statement.executeQuery(QUERY)) {
				while (rs.next()) {
					unread.add(rs.getString(1));
				}
			}
			return unread;
		});
	}

}
