package io.github.idempotentmigrations.conformance;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The orderings the sets rely on: a wrong one runs a vendor's scripts in an order no
 * vendor ships.
 */
class MigrationOrderTests {

	@Test
	void upgradeStepsFollowTheVersionsTheyStartFrom() {
		List<String> inOrder = List.of("515", "5151", "516", "5161", "5162", "51630", "51640", "51700", "51701",
				"51800", "52000", "52200", "59900", "6000", "6005", "6010", "6100", "6412", "6413", "6500", "7000",
				"7101");
		List<String> shuffled = new ArrayList<>(inOrder);
		Collections.shuffle(shuffled, new Random(1));
		shuffled.sort((a, b) -> UpgradeStep.sortable(a).compareTo(UpgradeStep.sortable(b)));
		assertThat(shuffled).isEqualTo(inOrder);
	}

	@Test
	void upgradeStepPartsRunEngineFirstAndCamundaStepsAreNotSteps() {
		List<UpgradeStep> steps = new ArrayList<>();
		for (String name : List.of("flowable.postgres.upgradestep.6001.to.6002.history.sql",
				"flowable.postgres.upgradestep.6001.to.6002.engine.sql",
				"flowable.postgres.upgradestep.6000.to.6001.engine.sql")) {
			steps.add(UpgradeStep.of(Path.of(name)).orElseThrow());
		}
		steps.sort(UpgradeStep.ORDER);
		assertThat(steps).extracting((step) -> step.file().toString())
			.containsExactly("flowable.postgres.upgradestep.6000.to.6001.engine.sql",
					"flowable.postgres.upgradestep.6001.to.6002.engine.sql",
					"flowable.postgres.upgradestep.6001.to.6002.history.sql");
		assertThat(UpgradeStep.of(Path.of("flowable.postgres.upgradestep.6100.to.cam6110.engine.sql"))).isEmpty();
	}

	@Test
	void serviceStepsComeAfterEnginePartsRuntimeBeforeHistory() {
		List<UpgradeStep> steps = new ArrayList<>();
		for (String name : List.of("flowable.postgres.upgradestep.6504.to.6505.task.history.sql",
				"flowable.postgres.upgradestep.6504.to.6505.task.sql",
				"flowable.postgres.upgradestep.6504.to.6505.identity.sql",
				"flowable.postgres.upgradestep.6500.to.6501.job.sql")) {
			steps.add(UpgradeStep.of(Path.of(name)).orElseThrow());
		}
		steps.sort(UpgradeStep.ORDER);
		assertThat(steps).extracting((step) -> step.file().toString())
			.containsExactly("flowable.postgres.upgradestep.6500.to.6501.job.sql",
					"flowable.postgres.upgradestep.6504.to.6505.identity.sql",
					"flowable.postgres.upgradestep.6504.to.6505.task.sql",
					"flowable.postgres.upgradestep.6504.to.6505.task.history.sql");
	}

	@Test
	void camundaScriptsSortByNumbersNotCharacters() {
		List<Path> inOrder = List.of(Path.of("postgres_engine_7.9_to_7.10.sql"),
				Path.of("postgres_engine_7.10_patch_7.10.5_to_7.10.6.sql"),
				Path.of("postgres_engine_7.10_patch_7.10.13_to_7.10.14.sql"),
				Path.of("postgres_engine_7.10_to_7.11.sql"));
		List<Path> sorted = new ArrayList<>(inOrder);
		Collections.reverse(sorted);
		sorted.sort(NaturalOrder.INSTANCE);
		assertThat(sorted).isEqualTo(inOrder);
	}

}
