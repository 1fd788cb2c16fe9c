package io.github.idempotentmigrations.testsupport;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

/**
 * Counts the connections of a DataSource open at once, to tell the most a run held (tests
 * and benchmarks that measure what the starter takes from a pool).
 */
public final class OpenConnections {

	private final AtomicInteger open = new AtomicInteger();

	private final AtomicInteger peak = new AtomicInteger();

	/** The target, each of its connections counted while open. */
	public DataSource wrap(DataSource target) {
		return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(),
				new Class<?>[] { DataSource.class }, (proxy, method, args) -> {
					Object result = invoke(target, method, args);
					return (result instanceof Connection connection) ? counted(connection) : result;
				});
	}

	private Connection counted(Connection connection) {
		this.peak.accumulateAndGet(this.open.incrementAndGet(), Math::max);
		AtomicBoolean closed = new AtomicBoolean();
		return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
				new Class<?>[] { Connection.class }, (proxy, method, args) -> {
					if (method.getName().equals("close") && closed.compareAndSet(false, true)) {
						this.open.decrementAndGet();
					}
					return invoke(connection, method, args);
				});
	}

	private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

	/** The most connections open at once since the last reset. */
	public int peakAndReset() {
		return this.peak.getAndSet(this.open.get());
	}

}
