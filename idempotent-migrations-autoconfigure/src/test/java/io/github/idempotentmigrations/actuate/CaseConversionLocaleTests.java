package io.github.idempotentmigrations.actuate;

import java.util.Locale;
import java.util.Map;

import io.github.idempotentmigrations.flyway.MigrationReportStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Outcome names become the same keys and metric tags whatever the JVM's default locale
 * (Turkish has a dotless i).
 */
class CaseConversionLocaleTests {

	private Locale original;

	@BeforeEach
	void turkish() {
		this.original = Locale.getDefault();
		Locale.setDefault(Locale.forLanguageTag("tr-TR"));
	}

	@AfterEach
	void restore() {
		Locale.setDefault(this.original);
	}

	@Test
	void outcomeCountsAreKeyedInPlainAscii() {
		assertThat(OutcomeCounts.of(Map.of())).containsOnlyKeys("applied", "skipped", "reconciled", "conflict",
				"failed");
	}

	@Test
	void metricTagsAreInPlainAscii() {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		new SchemaMetrics(null, new MigrationReportStore()).bindTo(registry);

		assertThat(registry.find("idempotent.migrations.statements").gauges())
			.map((gauge) -> gauge.getId().getTag("outcome"))
			.containsExactlyInAnyOrder("applied", "skipped", "reconciled", "conflict", "failed");
	}

}
