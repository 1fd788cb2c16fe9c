package io.github.idempotentmigrations.tenants;

import java.util.concurrent.atomic.AtomicInteger;

import io.github.idempotentmigrations.flyway.CredentialMasker;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Says how far the tenants are, about every tenth of them
 * ({@code 412/2000 tenants converged, 1 failed}), and names each tenant that failed when
 * it does, so a long startup is never silent.
 */
final class TenantProgress {

	private static final Log logger = LogFactory.getLog(TenantProgress.class);

	private final int total;

	private final int step;

	private final AtomicInteger finished = new AtomicInteger();

	private final AtomicInteger converged = new AtomicInteger();

	private final AtomicInteger byHistory = new AtomicInteger();

	TenantProgress(int total) {
		this.total = total;
		this.step = Math.max(1, total / 10);
	}

	void finished(TenantRun run) {
		if (run.byHistory()) {
			this.byHistory.incrementAndGet();
		}
		if (run.converged()) {
			this.converged.incrementAndGet();
		}
		else {
			logger.warn("Tenant schema " + run.schema() + " did not converge: " + reason(run));
		}
		int done = this.finished.incrementAndGet();
		if (done % this.step == 0 || done == this.total) {
			int ok = this.converged.get();
			int steady = this.byHistory.get();
			logger
				.info(ok + "/" + this.total + " tenants converged" + ((done > ok) ? ", " + (done - ok) + " failed" : "")
						+ ((steady > 0) ? " (" + steady + " steady by their history alone)" : ""));
		}
	}

	private static String reason(TenantRun run) {
		String message = (run.failure() != null) ? run.failureMessage()
				: run.report().map((report) -> String.join("; ", report.problems())).orElse("no report");
		return CredentialMasker.mask(String.valueOf(message).lines().findFirst().orElse(""));
	}

}
