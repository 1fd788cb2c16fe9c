package io.github.idempotentmigrations.shadow;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * One way the live schema departs from the expected one.
 *
 * @param kind what the object is
 * @param object its qualified name
 * @param problem how it departs
 * @param expected the expected definition (null when it is extra)
 * @param found the definition found (null when it is missing)
 */
public record Drift(ObjectKind kind, String object, Problem problem, @Nullable String expected,
		@Nullable String found) {

	private static final String INVALID_MARK = " (INVALID)";

	public enum Problem {

		/** The migrations build it; it is not there. */
		MISSING,
		/** An index left INVALID (a concurrent build that failed or was killed). */
		INVALID,
		/** There with another definition. */
		DIFFERENT,
		/** There, and the migrations do not build it: reported, never a fault. */
		EXTRA

	}

	/**
	 * Whether the schema departs from the expected one here: anything but an extra
	 * object.
	 */
	public boolean departs() {
		return this.problem != Problem.EXTRA;
	}

	/** {@code column public.chats.last_message_at is missing}. */
	public String describe() {
		String what = this.kind.label() + " " + this.object;
		return switch (this.problem) {
			case MISSING, INVALID -> what + " is " + this.problem.name().toLowerCase(Locale.ROOT);
			case DIFFERENT -> what + " differs: expected " + this.expected + ", found " + this.found;
			case EXTRA -> what + " is not built by the migrations";
		};
	}

	/** The diff as drift; what belongs to a missing table is not listed again. */
	public static List<Drift> of(SchemaDiff diff) {
		Set<String> missingTables = diff.missing()
			.stream()
			.filter((object) -> object.kind() == ObjectKind.TABLE)
			.map(SchemaObject::name)
			.collect(Collectors.toSet());
		List<Drift> drift = new ArrayList<>();
		diff.missing()
			.stream()
			.filter((object) -> !object.kind().bookkeeping() && !missingTables.contains(object.parent()))
			.forEach((object) -> drift
				.add(new Drift(object.kind(), object.name(), Problem.MISSING, object.definition(), null)));
		for (SchemaDiff.Difference difference : diff.different()) {
			SchemaObject expected = difference.expected();
			String found = difference.found().definition();
			Problem problem = found.equals(expected.definition() + INVALID_MARK) ? Problem.INVALID : Problem.DIFFERENT;
			drift.add(new Drift(expected.kind(), expected.name(), problem, expected.definition(), found));
		}
		diff.extra()
			.forEach((object) -> drift
				.add(new Drift(object.kind(), object.name(), Problem.EXTRA, null, object.definition())));
		return List.copyOf(drift);
	}
}
