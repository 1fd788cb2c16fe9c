package io.github.idempotentmigrations.conformance;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;

import io.github.idempotentmigrations.test.state.HandMadeObject;

/** Seeded choice of the migrations k a pending state stops before. */
final class CutPoints {

	/**
	 * Sets of at least this many files ({@code -Dconformance.big-set-files}) get fewer
	 * cut points.
	 */
	private static final int BIG_SET_FILES = Integer.getInteger("conformance.big-set-files", 20);

	/**
	 * Cut points of a big set ({@code -Dconformance.big-set-cuts}): its runs take most of
	 * the suite's time.
	 */
	private static final int BIG_SET_CUTS = Integer.getInteger("conformance.big-set-cuts", 2);

	private CutPoints() {
	}

	/** Whether {@code set} has {@link #BIG_SET_FILES} files or more. */
	static boolean big(ConformanceSet set) {
		return set.set().size() >= BIG_SET_FILES;
	}

	/**
	 * Up to {@code count} versions whose added objects satisfy {@code fits}. A set of one
	 * migration can only be cut at 1 (objects and no history); longer sets are cut after
	 * at least one migration ran, so history exists. A set of {@link #BIG_SET_FILES}
	 * files or more gets at most {@link #BIG_SET_CUTS}.
	 */
	static List<Integer> pick(ConformanceSet set, Random random, int wanted, Predicate<List<HandMadeObject>> fits) {
		int size = set.set().size();
		int count = (size >= BIG_SET_FILES) ? Math.min(wanted, BIG_SET_CUTS) : wanted;
		List<Integer> candidates = new ArrayList<>();
		for (int version = (size != 1) ? 2 : 1; version <= size; version++) {
			candidates.add(version);
		}
		Collections.shuffle(candidates, random);
		List<Integer> picked = new ArrayList<>();
		for (int version : candidates) {
			List<HandMadeObject> added = set.addedBy(version);
			if (!added.isEmpty() && fits.test(added)) {
				picked.add(version);
				if (picked.size() == count) {
					break;
				}
			}
		}
		Collections.sort(picked);
		return picked;
	}

	/**
	 * How a report names cut point {@code version}: at 1 no history exists yet, so the
	 * starter has to adopt.
	 */
	static String describe(ConformanceSet set, int version) {
		return "k=" + version + " (" + set.set().description(version) + ((version != 1) ? "" : "; no history yet")
				+ ")";
	}

}
