package io.github.idempotentmigrations.flyway;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CredentialMaskerTests {

	@Test
	void masksPasswordParametersOfJdbcUrls() {
		assertThat(CredentialMasker
			.mask("Unable to obtain connection (jdbc:postgresql://db:5432/app?user=a&password=hunter2&ssl=true)"))
			.isEqualTo("Unable to obtain connection (jdbc:postgresql://db:5432/app?user=a&password=******&ssl=true)");
	}

	@Test
	void masksUserInfoOfUrls() {
		assertThat(CredentialMasker.mask("postgresql://app:hunter2@db:5432/app"))
			.isEqualTo("postgresql://app:******@db:5432/app");
	}

	@Test
	void masksPasswordLiteralsOfRoleStatements() {
		assertThat(CredentialMasker.mask("CREATE ROLE reporting LOGIN PASSWORD 'it''s hunter2'"))
			.isEqualTo("CREATE ROLE reporting LOGIN PASSWORD '******'");
	}

	@Test
	void masksEveryLiteralOfRoleAndUserStatementsWhateverTheQuoting() {
		assertThat(CredentialMasker.mask("CREATE ROLE reporting LOGIN PASSWORD $$s3cret$$"))
			.isEqualTo("CREATE ROLE reporting LOGIN PASSWORD '******'");
		assertThat(CredentialMasker.mask("CREATE USER app PASSWORD $pw$it's $$ s3cret$pw$ IN ROLE staff"))
			.isEqualTo("CREATE USER app PASSWORD '******' IN ROLE staff");
		assertThat(CredentialMasker
			.mask("/* rotate */ alter user app with encrypted password E'it\\'s s3cret'" + " VALID UNTIL '2030-01-01'"))
			.isEqualTo("/* rotate */ alter user app with encrypted password '******' VALID UNTIL '******'");
		assertThat(CredentialMasker.mask("ALTER ROLE app PASSWORD U&'s3cr\\0065t'"))
			.isEqualTo("ALTER ROLE app PASSWORD '******'");
	}

	@Test
	void masksADollarQuotedPasswordInsideOtherText() {
		assertThat(CredentialMasker.mask("FAILED in statement 1: CREATE ROLE r PASSWORD $$s3cret$$ failed"))
			.isEqualTo("FAILED in statement 1: CREATE ROLE r PASSWORD '******' failed");
		assertThat(CredentialMasker.mask("statement: ALTER ROLE r PASSWORD E'a\\'b' LOGIN"))
			.isEqualTo("statement: ALTER ROLE r PASSWORD '******' LOGIN");
	}

	@Test
	void leavesOrdinaryTextAlone() {
		assertThat(CredentialMasker.mask("column public.users.password_hash already exists"))
			.isEqualTo("column public.users.password_hash already exists");
		assertThat(CredentialMasker.mask(null)).isNull();
	}

}
