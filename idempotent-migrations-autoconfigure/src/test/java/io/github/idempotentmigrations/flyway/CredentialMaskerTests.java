package io.github.idempotentmigrations.flyway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CredentialMaskerTests {

    @Test
    void masksPasswordParametersOfJdbcUrls() {
        assertThat(CredentialMasker.mask("Unable to obtain connection (jdbc:postgresql://db:5432/app?user=a&password=hunter2&ssl=true)"))
            .isEqualTo("Unable to obtain connection (jdbc:postgresql://db:5432/app?user=a&password=******&ssl=true)");
    }

    @Test
    void masksUserInfoOfUrls() {
        assertThat(CredentialMasker.mask("postgresql://app:hunter2@db:5432/app")).isEqualTo("postgresql://app:******@db:5432/app");
    }

    @Test
    void masksPasswordLiteralsOfRoleStatements() {
        assertThat(CredentialMasker.mask("CREATE ROLE reporting LOGIN PASSWORD 'it''s hunter2'"))
            .isEqualTo("CREATE ROLE reporting LOGIN PASSWORD '******'");
    }

    @Test
    void leavesOrdinaryTextAlone() {
        assertThat(CredentialMasker.mask("column public.users.password_hash already exists"))
            .isEqualTo("column public.users.password_hash already exists");
        assertThat(CredentialMasker.mask(null)).isNull();
    }
}
