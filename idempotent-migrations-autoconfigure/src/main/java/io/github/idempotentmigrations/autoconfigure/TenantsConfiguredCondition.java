package io.github.idempotentmigrations.autoconfigure;

import io.github.idempotentmigrations.tenants.TenantSchemas;

import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Tenants are configured: schemas listed, a query to find them, or a
 * {@link TenantSchemas} bean.
 */
class TenantsConfiguredCondition extends AnyNestedCondition {

	private static final String PREFIX = "idempotent-migrations.tenants";

	TenantsConfiguredCondition() {
		super(ConfigurationPhase.REGISTER_BEAN);
	}

	@ConditionalOnBean(TenantSchemas.class)
	static class SchemasBean {

	}

	@Conditional(SchemasOrQuery.class)
	static class SchemasProperty {

	}

	/**
	 * A list bound from any form ({@code schemas=a,b}, {@code schemas[0]=a}, YAML), or a
	 * query.
	 */
	static class SchemasOrQuery extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			Binder binder = Binder.get(context.getEnvironment());
			boolean schemas = binder.bind(PREFIX + ".schemas", Bindable.listOf(String.class))
				.map((list) -> !list.isEmpty())
				.orElse(false);
			boolean query = binder.bind(PREFIX + ".query", String.class).map((sql) -> !sql.isBlank()).orElse(false);
			return new ConditionOutcome(schemas || query,
					PREFIX + ".schemas or " + PREFIX + ".query " + ((schemas || query) ? "set" : "not set"));
		}

	}

}
