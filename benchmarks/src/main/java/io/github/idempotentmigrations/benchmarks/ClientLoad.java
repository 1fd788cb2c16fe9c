package io.github.idempotentmigrations.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The application's traffic on one table: {@code threads} clients, each on its own
 * connection in autocommit mode, each sending {@code perSecond} queries a second on a
 * fixed schedule, alternating a primary-key read and a primary-key update of a random
 * row. Records each query's time in the server (its wait for a lock included) and its
 * lateness against the schedule (what a client that had to send it then would have seen);
 * a client that falls behind sends the late queries at once, so no waiting is hidden by
 * the schedule. "Blocked" sums the time of the queries that took over 100 ms: the client
 * time the lock queue cost, all clients together.
 */
final class ClientLoad implements AutoCloseable {

	private final List<Thread> threads = new ArrayList<>();

	private final List<long[]> durations = new ArrayList<>();

	private final List<long[]> lateness = new ArrayList<>();

	private final int[] counts;

	private final AtomicBoolean running = new AtomicBoolean(true);

	private final AtomicLong errors = new AtomicLong();

	ClientLoad(Supplier<Connection> connections, String table, int rows, int threadCount, int perSecond,
			int maxSecondsEach) {
		this.counts = new int[threadCount];
		long periodNanos = 1_000_000_000L / perSecond;
		for (int i = 0; i < threadCount; i++) {
			int index = i;
			long[] took = new long[perSecond * maxSecondsEach];
			long[] late = new long[took.length];
			this.durations.add(took);
			this.lateness.add(late);
			Connection connection = connections.get();
			Thread thread = new Thread(() -> run(connection, table, rows, periodNanos, took, late, index),
					"client-" + i);
			thread.setDaemon(true);
			this.threads.add(thread);
		}
	}

	void start() {
		this.threads.forEach(Thread::start);
	}

	private void run(Connection connection, String table, int rows, long periodNanos, long[] took, long[] late,
			int index) {
		try (connection;
				PreparedStatement read = connection.prepareStatement("SELECT v FROM " + table + " WHERE id = ?");
				PreparedStatement write = connection
					.prepareStatement("UPDATE " + table + " SET v = v + 1 WHERE id = ?")) {
			long next = System.nanoTime();
			int n = 0;
			while (this.running.get() && n < took.length) {
				long wait = next - System.nanoTime();
				if (wait > 0) {
					Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
				}
				PreparedStatement statement = (n % 2 != 0) ? write : read;
				statement.setInt(1, 1 + ThreadLocalRandom.current().nextInt(rows));
				long start = System.nanoTime();
				try {
					statement.execute();
				}
				catch (SQLException ex) {
					this.errors.incrementAndGet();
				}
				long end = System.nanoTime();
				took[n] = end - start;
				late[n] = end - next;
				n++;
				this.counts[index] = n;
				next += periodNanos;
			}
		}
		catch (SQLException | InterruptedException ex) {
			this.errors.incrementAndGet();
		}
	}

	Figures stop() throws InterruptedException {
		this.running.set(false);
		for (Thread thread : this.threads) {
			thread.join(30_000);
		}
		long[] all = collect(this.durations);
		long[] allLate = collect(this.lateness);
		int over = (int) Arrays.stream(all).filter((n) -> n > 100_000_000L).count();
		long blocked = Arrays.stream(all).filter((n) -> n > 100_000_000L).sum();
		return new Figures(all.length, this.errors.get(), percentile(all, 1.0), percentile(all, 0.99),
				percentile(all, 0.50), percentile(allLate, 1.0), percentile(allLate, 0.99), over, blocked);
	}

	private long[] collect(List<long[]> perThread) {
		int total = Arrays.stream(this.counts).sum();
		long[] all = new long[total];
		int at = 0;
		for (int i = 0; i < perThread.size(); i++) {
			System.arraycopy(perThread.get(i), 0, all, at, this.counts[i]);
			at += this.counts[i];
		}
		Arrays.sort(all);
		return all;
	}

	private static long percentile(long[] sorted, double p) {
		if (sorted.length == 0) {
			return 0;
		}
		int index = (int) Math.ceil(p * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
	}

	@Override
	public void close() throws InterruptedException {
		this.running.set(false);
	}

	record Figures(int queries, long errors, long maxNanos, long p99Nanos, long p50Nanos, long maxLateNanos,
			long p99LateNanos, int over100ms, long blockedNanos) {
	}

}
