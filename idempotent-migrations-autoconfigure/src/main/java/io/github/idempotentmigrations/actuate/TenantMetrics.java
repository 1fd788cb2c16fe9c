package io.github.idempotentmigrations.actuate;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

import io.github.idempotentmigrations.tenants.MigratedTenants;
import io.github.idempotentmigrations.tenants.TenantState;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Tenant schemas counted by outcome of their startup run, and how long they took. Never
 * tagged by tenant name: thousands of tenants would be thousands of time series.
 */
public final class TenantMetrics implements MeterBinder {

	private final MigratedTenants tenants;

	public TenantMetrics(MigratedTenants tenants) {
		this.tenants = tenants;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (TenantState state : TenantState.values()) {
			Gauge.builder("idempotent.migrations.tenants", this.tenants, (t) -> t.countsByState().get(state))
				.tag("outcome", state.name().toLowerCase(Locale.ROOT))
				.description("Tenant schemas by outcome of the startup run")
				.register(registry);
		}
		TimeGauge
			.builder("idempotent.migrations.tenants.duration", this.tenants, TimeUnit.MILLISECONDS,
					(t) -> t.duration().toMillis())
			.description("Duration of the startup run over all tenant schemas")
			.register(registry);
	}

}
