package io.github.idempotentmigrations.conformance;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Activiti/Flowable upgrade step file,
 * {@code <vendor>.postgres.upgradestep.<from>.to.<to>.<part>.sql}, where versions are
 * written without dots ({@code 515} = 5.15, {@code 5151} = 5.15.1, {@code 51630} =
 * 5.16.3.0, {@code 6412} = 6.4.1.2). The engines run the steps for each known version in
 * turn, engine part before history and identity.
 *
 * @param file the script
 * @param from the version it upgrades from, as a sortable key
 * @param part {@code engine}, {@code history}, {@code identity}, or a service's
 * {@code job}, {@code task.history} ...
 */
record UpgradeStep(Path file, String from, String part) {

	private static final Pattern NAME = Pattern
		.compile("\\w+\\.postgres\\.upgradestep\\.(\\d+)\\.to\\.(\\d+)\\.([\\w.]+)\\.sql");

	private static final List<String> PARTS = List.of("common", "engine", "history", "identity");

	/**
	 * By version, then engine parts in the engine's order; a service's part ({@code job},
	 * {@code task}, {@code task.history} ...) comes after them, its runtime tables before
	 * its history tables.
	 */
	static final Comparator<UpgradeStep> ORDER = Comparator.comparing(UpgradeStep::from)
		.thenComparingInt((step) -> PARTS.contains(step.part()) ? PARTS.indexOf(step.part()) : PARTS.size())
		.thenComparing((step) -> step.part().replaceFirst("\\.history$", "~history"));

	/** The step, or empty for other files and the Camunda-migration {@code cam} steps. */
	static Optional<UpgradeStep> of(Path file) {
		Matcher matcher = NAME.matcher(file.getFileName().toString());
		return matcher.matches() ? Optional.of(new UpgradeStep(file, sortable(matcher.group(1)), matcher.group(3)))
				: Optional.empty();
	}

	/**
	 * Whether the step starts at or after {@code version} (written the same way, e.g.
	 * {@code 515}).
	 */
	boolean startsAtOrAfter(String version) {
		return this.from.compareTo(sortable(version)) >= 0;
	}

	/**
	 * A key that sorts like the version: major digit, then for 5.x a two-digit minor
	 * ({@code 5.15}, {@code 5.99}), for 6.x and later a one-digit minor, then the
	 * remaining digits padded to the right.
	 */
	static String sortable(String digits) {
		int minorDigits = (digits.charAt(0) == '5' && digits.length() >= 3) ? 2 : 1;
		String minor = digits.substring(1, Math.min(digits.length(), 1 + minorDigits));
		String rest = (digits.length() > 1 + minorDigits) ? digits.substring(1 + minorDigits) : "";
		return digits.charAt(0) + "." + "0".repeat(2 - minor.length()) + minor + "." + (rest + "0000").substring(0, 4);
	}
}
