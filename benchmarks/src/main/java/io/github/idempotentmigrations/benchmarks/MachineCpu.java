package io.github.idempotentmigrations.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The machine's CPU time spent busy (every process, the embedded server's included), from
 * Linux's {@code /proc/stat}: how many cores a run kept busy, which is what bounds a
 * parallel run on a small machine. Unknown elsewhere.
 */
final class MachineCpu {

	/** Clock ticks per second that /proc/stat counts in (USER_HZ, 100 on Linux). */
	private static final long TICKS_PER_SECOND = 100;

	private MachineCpu() {
	}

	/** Busy CPU time of all cores since boot, in nanoseconds, or -1 when unknown. */
	static long busyNanos() {
		try {
			String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
			long[] ticks = Arrays.stream(fields, 1, fields.length).mapToLong(Long::parseLong).toArray();
			// user nice system idle iowait irq softirq steal ...: all but idle and iowait
			long busy = Arrays.stream(ticks).sum() - ticks[3] - ticks[4];
			return busy * (1_000_000_000L / TICKS_PER_SECOND);
		}
		catch (IOException | RuntimeException ex) {
			return -1;
		}
	}

}
