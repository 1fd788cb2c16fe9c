package io.github.idempotentmigrations.flyway;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import io.github.idempotentmigrations.shadow.ShadowDatabase;
import org.postgresql.ds.PGSimpleDataSource;

import org.springframework.boot.jdbc.DataSourceBuilder;

/** Opens the shadow database the settings name, or a temporary one beside the application's database. */
final class ShadowConnections {

    // jdbc:postgresql://host:port/database?options, or jdbc:postgresql:database?options
    private static final Pattern DATABASE_IN_URL = Pattern.compile("^(jdbc:postgresql:(?://[^/?]*/)?)([^?]*)(.*)$");

    private final ShadowSettings settings;

    ShadowConnections(ShadowSettings settings) {
        this.settings = settings;
    }

    ShadowDatabase open(DataSource application, Connection session) throws SQLException {
        if (this.settings.url() != null) {
            PGSimpleDataSource reserved = new PGSimpleDataSource();
            reserved.setUrl(this.settings.url());
            reserved.setUser(this.settings.username());
            reserved.setPassword(this.settings.password());
            return ShadowDatabase.reserved(reserved, session);
        }
        String url = session.getMetaData().getURL();
        // Same server, same credentials as the application's data source, another database: a plain connection each.
        return ShadowDatabase.temporary(session, name -> DataSourceBuilder.derivedFrom(application)
            .type(PGSimpleDataSource.class)
            .url(withDatabase(url, name))
            .build());
    }

    static String withDatabase(String url, String database) {
        Matcher matcher = DATABASE_IN_URL.matcher(url);
        if (!matcher.matches()) {
            throw new IllegalStateException("Cannot tell the database in the JDBC URL " + CredentialMasker.mask(url)
                    + "; set idempotent-migrations.shadow.url");
        }
        return matcher.group(1) + database + matcher.group(3);
    }
}
