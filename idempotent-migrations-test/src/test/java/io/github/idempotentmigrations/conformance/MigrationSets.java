package io.github.idempotentmigrations.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The real migration sets, read from the artifacts that the build unpacks into
 * {@code conformance.corpora} (see this module's pom for artifacts and versions). Each
 * set orders the vendor's scripts the way the vendor's own upgrade path applies them; no
 * script is edited.
 */
final class MigrationSets {

	/**
	 * Camunda update scripts: minor {@code 7.5_to_7.6} and patch
	 * {@code 7.6_patch_7.6.0_to_7.6.1[_2]}.
	 */
	private static final Pattern CAMUNDA_SCRIPT = Pattern.compile("postgres_engine_7\\.(\\d+)_(to|patch)_.*\\.sql");

	private MigrationSets() {
	}

	/** All sets, or those named in {@code -Dconformance.sets=camunda,jobrunr}. */
	static List<MigrationSet> selected() {
		Path root = Paths.get(System.getProperty("conformance.corpora", "target/conformance-corpora"));
		Map<String, MigrationSet> all = new LinkedHashMap<>();
		for (MigrationSet set : List.of(camunda(root), flowable(root), activiti(root), jobrunr(root), springBatch(root),
				springCloudTask(root), quartz(root), springSession(root), springIntegration(root), springModulith(root),
				springSecurityAcl(root), springAuthorizationServer(root), springAiChatMemory(root), camundaFrom71(root),
				flowableServices(root), flowableLinks(root), flowableIdm(root), flowableFromActiviti5(root),
				activiti5(root), springCloudDataflow(root), springCloudSkipper(root), jbpm(root))) {
			all.put(set.name(), set);
		}
		String wanted = System.getProperty("conformance.sets", "");
		if (wanted.isBlank()) {
			return List.copyOf(all.values());
		}
		return Arrays.stream(wanted.split(",")).map(String::trim).map((name) -> {
			MigrationSet set = all.get(name);
			if (set == null) {
				throw new IllegalArgumentException("No conformance set " + name + "; known: " + all.keySet());
			}
			return set;
		}).toList();
	}

	/**
	 * Camunda 7: the create scripts of an old release in the engine's own order, then
	 * every minor update script of the newest 7.x from that release on. Patch scripts are
	 * left out by default: each minor script repeats the patches of its minor (7.7_to_7.8
	 * creates the index 7.8_patch_7.8.0_to_7.8.1 creates), so plain Flyway fails with
	 * both; {@code -Dconformance.camunda.patches=true} puts them back in version order.
	 */
	static MigrationSet camunda(Path root) {
		Path create = root.resolve("camunda-create/org/camunda/bpm/engine/db/create");
		List<Path> scripts = new ArrayList<>();
		for (String part : List.of("engine", "history", "identity", "case.engine", "case.history", "decision.engine",
				"decision.history")) {
			scripts.add(create.resolve("activiti.postgres.create." + part + ".sql"));
		}
		int from = Integer.parseInt(System.getProperty("conformance.camunda.from-minor", "5"));
		boolean patches = Boolean.parseBoolean(System.getProperty("conformance.camunda.patches", "false"));
		scripts.addAll(files(root.resolve("camunda-upgrade/org/camunda/bpm/engine/db/upgrade"),
				(name) -> isCamundaScript(name, from, patches), NaturalOrder.INSTANCE));
		return new MigrationSet("camunda", "camunda-engine 7.5.0 create + 7.24.0 updates 7.5→7.24", scripts);
	}

	/**
	 * Flowable: the 6.0.0 create scripts (schema version 6.0.0.5), then every later
	 * upgrade step of a newer engine and of its common tables in version order. The
	 * {@code cam} steps (migration from Camunda) are not on this path.
	 */
	static MigrationSet flowable(Path root) {
		Path create = root.resolve("flowable-create/org/flowable/db/create");
		List<Path> scripts = new ArrayList<>(List.of(create.resolve("flowable.postgres.create.engine.sql"),
				create.resolve("flowable.postgres.create.history.sql")));
		List<Path> steps = new ArrayList<>(
				upgradeSteps(root.resolve("flowable-upgrade/org/flowable/db/upgrade"), "6005"));
		steps.addAll(upgradeSteps(root.resolve("flowable-upgrade/org/flowable/common/db/upgrade"), "6005"));
		// the engine's schema manager upgrades the common tables before its own, step by
		// step
		steps.stream()
			.map((step) -> UpgradeStep.of(step).orElseThrow())
			.sorted(UpgradeStep.ORDER)
			.forEach((step) -> scripts.add(step.file()));
		return new MigrationSet("flowable",
				"flowable-engine 6.0.0 create + flowable-engine(-common) 7.1.0 upgrade steps 6.0.0.5→7.1.0.2", scripts);
	}

	/**
	 * Activiti: the 5.15 create scripts (schema version 5.15), then the 6.0.0 engine's
	 * upgrade steps from 5.15 on.
	 */
	static MigrationSet activiti(Path root) {
		Path create = root.resolve("activiti-create/org/activiti/db/create");
		List<Path> scripts = new ArrayList<>();
		for (String part : List.of("engine", "history", "identity")) {
			scripts.add(create.resolve("activiti.postgres.create." + part + ".sql"));
		}
		scripts.addAll(upgradeSteps(root.resolve("activiti-upgrade/org/activiti/db/upgrade"), "515"));
		return new MigrationSet("activiti", "activiti-engine 5.15 create + 6.0.0 upgrade steps 5.15→6.0.0.4", scripts);
	}

	/**
	 * Camunda 7 from its second release: the 7.1 create scripts (engine, history,
	 * identity), then every minor update script of the newest 7.x from 7.1 on, so the 7.1
	 * to 7.5 scripts run too (the {@code camunda} set starts at 7.5).
	 */
	static MigrationSet camundaFrom71(Path root) {
		Path create = root.resolve("camunda-old-create/org/camunda/bpm/engine/db/create");
		List<Path> scripts = new ArrayList<>();
		for (String part : List.of("engine", "history", "identity")) {
			scripts.add(create.resolve("activiti.postgres.create." + part + ".sql"));
		}
		scripts.addAll(files(root.resolve("camunda-upgrade/org/camunda/bpm/engine/db/upgrade"),
				(name) -> isCamundaScript(name, 1, false), NaturalOrder.INSTANCE));
		return new MigrationSet("camunda-7.1", "camunda-engine 7.1.0-Final create + 7.24.0 updates 7.1→7.24", scripts);
	}

	/**
	 * Flowable's services as a 6.3 engine creates them (common tables first, each
	 * service's runtime tables before its history tables), then every later upgrade step
	 * the 6.8 services ship, in version order. From 7.0 on the services ship no scripts
	 * of their own (the common create holds them), so 6.8 is their newest chain.
	 */
	static MigrationSet flowableServices(Path root) {
		Path create = root.resolve("flowable-services-create/org/flowable");
		List<Path> scripts = new ArrayList<>();
		scripts.add(create.resolve("common/db/create/flowable.postgres.create.common.sql"));
		for (String service : List.of("identitylink", "task", "variable")) {
			Path folder = create.resolve(service + "/service/db/create");
			scripts.add(folder.resolve("flowable.postgres.create." + service + ".sql"));
			scripts.add(folder.resolve("flowable.postgres.create." + service + ".history.sql"));
		}
		scripts.add(create.resolve("job/service/db/create/flowable.postgres.create.job.sql"));
		scripts.addAll(serviceSteps(root.resolve("flowable-services-upgrade/org/flowable"),
				List.of("identitylink", "task", "variable", "job"), "6301"));
		return new MigrationSet("flowable-services", "flowable-engine-common + identitylink/task/variable/job services"
				+ " 6.3.0 create + 6.8.0 upgrade steps 6.3.0.1→6.8.0.0", scripts);
	}

	/**
	 * Flowable's entity link and event subscription services: the 6.5 create scripts,
	 * then the 6.8 upgrade steps.
	 */
	static MigrationSet flowableLinks(Path root) {
		Path create = root.resolve("flowable-links-create/org/flowable");
		List<Path> scripts = new ArrayList<>();
		scripts.add(create.resolve("common/db/create/flowable.postgres.create.common.sql"));
		Path entitylink = create.resolve("entitylink/service/db/create");
		scripts.add(entitylink.resolve("flowable.postgres.create.entitylink.sql"));
		scripts.add(entitylink.resolve("flowable.postgres.create.entitylink.history.sql"));
		scripts
			.add(create.resolve("eventsubscription/service/db/create/flowable.postgres.create.eventsubscription.sql"));
		scripts.addAll(serviceSteps(root.resolve("flowable-links-upgrade/org/flowable"),
				List.of("entitylink", "eventsubscription"), "6506"));
		return new MigrationSet("flowable-links", "flowable-engine-common + entitylink/eventsubscription services"
				+ " 6.5.0 create + 6.8.0 upgrade steps 6.5.0.6→6.8.0.0", scripts);
	}

	/**
	 * Flowable IDM: the 6.0.0 create script, then the 7.1.0 IDM engine's upgrade steps
	 * from 6.0 on.
	 */
	static MigrationSet flowableIdm(Path root) {
		List<Path> scripts = new ArrayList<>();
		scripts
			.add(root.resolve("flowable-idm-create/org/flowable/idm/db/create/flowable.postgres.create.identity.sql"));
		scripts.addAll(upgradeSteps(root.resolve("flowable-idm-upgrade/org/flowable/idm/db/upgrade"), "6000"));
		return new MigrationSet("flowable-idm", "flowable-idm-engine 6.0.0 create + 7.1.0 upgrade steps 6.0→6.3.2",
				scripts);
	}

	/**
	 * Flowable's migration path from Activiti 5: the Activiti 5.15 create scripts, then
	 * every upgrade step of the 7.1 engine, its common tables and its IDM engine from
	 * 5.15 on (5.15 to 5.99 are Activiti's releases, 5.99 to 6.0 the switch to Flowable),
	 * in version order.
	 */
	static MigrationSet flowableFromActiviti5(Path root) {
		Path create = root.resolve("activiti-create/org/activiti/db/create");
		List<Path> scripts = new ArrayList<>();
		for (String part : List.of("engine", "history", "identity")) {
			scripts.add(create.resolve("activiti.postgres.create." + part + ".sql"));
		}
		Path upgrade = root.resolve("flowable-from-activiti5-upgrade/org/flowable");
		List<Path> steps = new ArrayList<>(upgradeSteps(upgrade.resolve("db/upgrade"), "515"));
		steps.addAll(upgradeSteps(upgrade.resolve("common/db/upgrade"), "515"));
		steps.addAll(upgradeSteps(upgrade.resolve("idm/db/upgrade"), "515"));
		steps.stream()
			.map((step) -> UpgradeStep.of(step).orElseThrow())
			.sorted(UpgradeStep.ORDER)
			.forEach((step) -> scripts.add(step.file()));
		return new MigrationSet("flowable-from-activiti5", "activiti-engine 5.15 create + flowable-engine(-common,"
				+ " idm-engine) 7.1.0 upgrade steps 5.15→7.1.0.2", scripts);
	}

	/**
	 * Activiti 5: the 5.15 create scripts, then the last 5.x release's (5.22.0) upgrade
	 * steps from 5.15 on.
	 */
	static MigrationSet activiti5(Path root) {
		Path create = root.resolve("activiti-create/org/activiti/db/create");
		List<Path> scripts = new ArrayList<>();
		for (String part : List.of("engine", "history", "identity")) {
			scripts.add(create.resolve("activiti.postgres.create." + part + ".sql"));
		}
		scripts.addAll(upgradeSteps(root.resolve("activiti5-upgrade/org/activiti/db/upgrade"), "515"));
		return new MigrationSet("activiti-5", "activiti-engine 5.15 create + 5.22.0 upgrade steps 5.15→5.22", scripts);
	}

	/**
	 * Spring Cloud Data Flow server's PostgreSQL schema scripts {@code V1-dataflow} to
	 * {@code V11-dataflow}, each {@code -after} script right after its version; the
	 * server's Flyway Java migrations run the same statements.
	 */
	static MigrationSet springCloudDataflow(Path root) {
		return new MigrationSet("spring-cloud-dataflow", "spring-cloud-dataflow-server-core 2.11.5 schemas V1→V11",
				files(root.resolve("dataflow/schemas/postgresql"), (name) -> true,
						Comparator
							.comparing((Path path) -> Path.of(path.getFileName().toString().replace("-after", "")),
									NaturalOrder.INSTANCE)
							.thenComparing((path) -> path.getFileName().toString().contains("-after"))));
	}

	/**
	 * Spring Cloud Skipper's schema, shipped with the Data Flow server for databases both
	 * servers share.
	 */
	static MigrationSet springCloudSkipper(Path root) {
		return new MigrationSet("spring-cloud-skipper", "spring-cloud-dataflow-server-core 2.11.5 V1-skipper",
				List.of(root.resolve("skipper/schemas/postgresql/V1-skipper.sql")));
	}

	/**
	 * jBPM's PostgreSQL schema, then the Quartz tables and task assigning tables its
	 * documentation adds.
	 */
	static MigrationSet jbpm(Path root) {
		Path ddl = root.resolve("jbpm/db/ddl-scripts/postgresql");
		return new MigrationSet("jbpm", "jbpm-db-scripts 7.74.1.Final ddl-scripts",
				List.of(ddl.resolve("postgresql-jbpm-schema.sql"), ddl.resolve("quartz_tables_postgres.sql"),
						ddl.resolve("task_assigning_tables_postgresql.sql")));
	}

	private static List<Path> serviceSteps(Path root, List<String> services, String createdAt) {
		List<Path> steps = new ArrayList<>();
		for (String service : services) {
			steps.addAll(upgradeSteps(root.resolve(service + "/service/db/upgrade"), createdAt));
		}
		return steps.stream()
			.map((step) -> UpgradeStep.of(step).orElseThrow())
			.sorted(UpgradeStep.ORDER)
			.map(UpgradeStep::file)
			.toList();
	}

	private static List<Path> upgradeSteps(Path directory, String createdAt) {
		return files(directory, (name) -> true, NaturalOrder.INSTANCE).stream()
			.map(UpgradeStep::of)
			.flatMap(java.util.Optional::stream)
			.filter((step) -> step.startsAtOrAfter(createdAt))
			.sorted(UpgradeStep.ORDER)
			.map(UpgradeStep::file)
			.toList();
	}

	/**
	 * JobRunr: its numbered SQL migrations; a PostgreSQL variant of a file replaces the
	 * common one.
	 */
	static MigrationSet jobrunr(Path root) {
		Path sql = root.resolve("jobrunr/org/jobrunr/storage/sql");
		Map<String, Path> byName = new java.util.TreeMap<>();
		files(sql.resolve("common/migrations"), (name) -> true, Comparator.naturalOrder())
			.forEach((path) -> byName.put(path.getFileName().toString(), path));
		files(sql.resolve("postgres/migrations"), (name) -> true, Comparator.naturalOrder())
			.forEach((path) -> byName.put(path.getFileName().toString(), path));
		return new MigrationSet("jobrunr", "jobrunr 7.5.0", List.copyOf(byName.values()));
	}

	/** Spring Batch: the 4.x schema, then the 5.0 and 6.0 migration scripts of 6.x. */
	static MigrationSet springBatch(Path root) {
		List<Path> scripts = new ArrayList<>();
		scripts.add(root.resolve("batch-create/org/springframework/batch/core/schema-postgresql.sql"));
		Path migrations = root.resolve("batch-upgrade/org/springframework/batch/core/migration");
		for (String version : List.of("5.0", "6.0")) {
			scripts.add(migrations.resolve(version).resolve("migration-postgresql.sql"));
		}
		return new MigrationSet("spring-batch", "spring-batch-core 4.3.10 schema + 6.0.6 migrations 5.0, 6.0", scripts);
	}

	/**
	 * Spring Cloud Task: the 1.0.x schema, then the migration scripts a 3.x release
	 * ships, in version order.
	 */
	static MigrationSet springCloudTask(Path root) {
		List<Path> scripts = new ArrayList<>();
		scripts.add(root.resolve("task-create/org/springframework/cloud/task/schema-postgresql.sql"));
		try (Stream<Path> versions = Files
			.list(root.resolve("task-upgrade/org/springframework/cloud/task/migration"))) {
			versions.sorted(NaturalOrder.INSTANCE)
				.forEach((version) -> scripts.add(version.resolve("migration-postgresql.sql")));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new MigrationSet("spring-cloud-task", "spring-cloud-task-core 1.0.3 schema + 3.2.1 migrations", scripts);
	}

	static MigrationSet quartz(Path root) {
		return new MigrationSet("quartz", "quartz 2.5.2",
				List.of(root.resolve("quartz/org/quartz/impl/jdbcjobstore/tables_postgres.sql")));
	}

	static MigrationSet springSession(Path root) {
		return new MigrationSet("spring-session", "spring-session-jdbc 4.0.4",
				List.of(root.resolve("session/org/springframework/session/jdbc/schema-postgresql.sql")));
	}

	static MigrationSet springIntegration(Path root) {
		return new MigrationSet("spring-integration", "spring-integration-jdbc 7.1.2",
				List.of(root.resolve("integration/org/springframework/integration/jdbc/schema-postgresql.sql")));
	}

	static MigrationSet springSecurityAcl(Path root) {
		return new MigrationSet("spring-security-acl", "spring-security-acl 7.0.2",
				List.of(root.resolve("acl/createAclSchemaPostgres.sql")));
	}

	/**
	 * Spring Authorization Server: registered clients, then consents. Its
	 * {@code oauth2-authorization-schema.sql} is left out: it declares {@code blob}
	 * columns, which PostgreSQL does not have (its documentation asks users to edit the
	 * type), so plain Flyway cannot run it.
	 */
	static MigrationSet springAuthorizationServer(Path root) {
		Path scripts = root.resolve("authorization-server/org/springframework/security/oauth2/server/authorization");
		return new MigrationSet("spring-authorization-server",
				"spring-security-oauth2-authorization-server 7.0.2" + " (2 of 3 scripts)",
				List.of(scripts.resolve("client/oauth2-registered-client-schema.sql"),
						scripts.resolve("oauth2-authorization-consent-schema.sql")));
	}

	static MigrationSet springAiChatMemory(Path root) {
		return new MigrationSet("spring-ai-chat-memory", "spring-ai-model-chat-memory-repository-jdbc 1.1.2",
				List.of(root.resolve("ai-chat-memory/org/springframework/ai/chat/memory/repository/jdbc")
					.resolve("schema-postgresql.sql")));
	}

	/**
	 * Spring Modulith's event publication registry (schema v2), then its archive table.
	 */
	static MigrationSet springModulith(Path root) {
		Path v2 = root.resolve("modulith/org/springframework/modulith/events/jdbc/schemas/v2");
		return new MigrationSet("spring-modulith", "spring-modulith-events-jdbc 2.1.1 (schema v2)",
				List.of(v2.resolve("schema-postgresql.sql"), v2.resolve("schema-postgresql-archive.sql")));
	}

	private static boolean isCamundaScript(String name, int fromMinor, boolean patches) {
		Matcher matcher = CAMUNDA_SCRIPT.matcher(name);
		if (!matcher.matches()) {
			return false;
		}
		return Integer.parseInt(matcher.group(1)) >= fromMinor && (patches || matcher.group(2).equals("to"));
	}

	private static List<Path> files(Path directory, Predicate<String> accept, Comparator<Path> order) {
		try (Stream<Path> files = Files.list(directory)) {
			return files.filter((path) -> path.toString().endsWith(".sql"))
				.filter((path) -> accept.test(path.getFileName().toString()))
				.sorted(order)
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(
					"Corpus folder missing (run the build's generate-test-resources): " + directory, ex);
		}
	}

}
