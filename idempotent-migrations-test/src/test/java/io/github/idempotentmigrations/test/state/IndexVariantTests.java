package io.github.idempotentmigrations.test.state;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IndexVariantTests {

	@Test
	void anIndexVariantUsesAColumnTheIndexDoesNot() {
		assertThat(IndexVariant.onAnotherColumn(
				"CREATE INDEX act_idx ON public.act_ru_task USING btree (proc_inst_id_) WHERE (x IS NULL)",
				List.of("id_", "proc_inst_id_")))
			.contains("CREATE INDEX act_idx ON public.act_ru_task USING btree (id_) WHERE (x IS NULL)");
		assertThat(IndexVariant.onAnotherColumn("CREATE INDEX i ON public.t USING btree (a)", List.of("a"))).isEmpty();
	}

}
