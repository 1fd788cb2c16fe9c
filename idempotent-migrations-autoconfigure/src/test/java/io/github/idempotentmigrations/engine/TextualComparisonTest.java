package io.github.idempotentmigrations.engine;

import io.github.idempotentmigrations.engine.catalog.Column;
import io.github.idempotentmigrations.engine.catalog.Constraint;
import io.github.idempotentmigrations.engine.catalog.Index;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The probe-sparing checks may only say "equal" when PostgreSQL's own description reads the same. */
class TextualComparisonTest {

    private static final Index TITLE = new Index("chats_title_idx",
            "CREATE INDEX chats_title_idx ON public.chats USING btree (title)", true, false);

    private static final Index UNIQUE_EMAIL = new Index("users_email_key",
            "CREATE UNIQUE INDEX users_email_key ON public.users USING btree (email, tenant_id)", true, false);

    @Test
    void indexesReadTheSameWithDefaultMethodQuotesCaseAndSpacing() {
        assertThat(sameIndex("CREATE INDEX chats_title_idx ON chats (title)", TITLE)).isTrue();
        assertThat(sameIndex("create index CONCURRENTLY if not exists chats_title_idx on public.chats using BTREE (\"title\")", TITLE)).isTrue();
        assertThat(sameIndex("CREATE UNIQUE INDEX users_email_key ON users (email,tenant_id)", UNIQUE_EMAIL)).isTrue();
    }

    @Test
    void indexesThatDifferAreNotCalledEqual() {
        assertThat(sameIndex("CREATE UNIQUE INDEX chats_title_idx ON chats (title)", TITLE)).isFalse();
        assertThat(sameIndex("CREATE INDEX chats_title_idx ON chats (title DESC)", TITLE)).isFalse();
        assertThat(sameIndex("CREATE INDEX chats_title_idx ON chats USING hash (title)", TITLE)).isFalse();
        assertThat(sameIndex("CREATE INDEX chats_title_idx ON chats (\"Title\")", TITLE)).isFalse();
        assertThat(sameIndex("CREATE INDEX chats_title_idx ON chats (title) WHERE title IS NOT NULL", TITLE)).isFalse();
        assertThat(sameIndex("CREATE INDEX users_email_key ON users (email, tenant_id)", UNIQUE_EMAIL)).isFalse();
    }

    @Test
    void constraintsReadTheSameOnlyTokenForToken() {
        Constraint fk = new Constraint("pets_owner_fk", "f", "FOREIGN KEY (owner_id) REFERENCES owners(id)");
        assertThat(TextualComparison.sameConstraint("foreign key(owner_id) references Owners (id)", fk)).isTrue();
        assertThat(TextualComparison.sameConstraint("FOREIGN KEY (owner_id) REFERENCES owners(id) ON DELETE CASCADE",
                fk)).isFalse();
        Constraint check = new Constraint("age_check", "c", "CHECK ((age >= 0))");
        assertThat(TextualComparison.sameConstraint("CHECK (age >= 0)", check)).isTrue();
        assertThat(TextualComparison.sameConstraint("CHECK (age > 0)", check)).isFalse();
        Constraint numeric = new Constraint("price_check", "c", "CHECK ((price > (0)::numeric))");
        assertThat(TextualComparison.sameConstraint("CHECK (price > 0)", numeric)).as("left to the probe").isFalse();
    }

    @Test
    void plainTypesMatchUnderTheirCatalogNames() {
        assertThat(sameColumn("varchar(255) NOT NULL", "character varying(255)", true)).isTrue();
        assertThat(sameColumn("timestamptz", "timestamp with time zone", false)).isTrue();
        assertThat(sameColumn("INT", "integer", false)).isTrue();
        assertThat(sameColumn("numeric(10, 2)", "numeric(10,2)", false)).isTrue();
        assertThat(sameColumn("varchar(100)", "character varying(255)", false)).isFalse();
        assertThat(sameColumn("integer", "integer", true)).isFalse();
        assertThat(sameColumn("integer DEFAULT 0", "integer", false)).as("defaults go to the probe").isFalse();
        assertThat(sameColumn("timestamp(3)", "timestamp(3) without time zone", false)).isFalse();
        assertThat(TextualComparison.sameSimpleColumn("text", new Column("c", "text", false, "'x'::text", "")))
            .isFalse();
    }

    @Test
    void defaultsMatchWithoutTheCastPostgresqlAdds() {
        Column note = new Column("note", "text", false, "''::text", "");
        assertThat(TextualComparison.sameDefault("''", note)).isTrue();
        assertThat(TextualComparison.sameDefault("'x'", note)).isFalse();
        Column created = new Column("created_at", "timestamp with time zone", false, "now()", "");
        assertThat(TextualComparison.sameDefault("NOW()", created)).isTrue();
        assertThat(TextualComparison.sameDefault("now()", new Column("n", "integer", false, null, ""))).isFalse();
    }

    private static boolean sameIndex(String sql, Index existing) {
        return TextualComparison.sameIndex(sql, StatementRewriter.tableSpanAfterOn(sql), existing);
    }

    private static boolean sameColumn(String definition, String type, boolean notNull) {
        return TextualComparison.sameSimpleColumn(definition, new Column("c", type, notNull, null, ""));
    }
}
