package dk.clinic.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * The benchmark's own database on the local PostgreSQL. Dropped and created again on every run, then set up with
 * the same scripts as ./clinic up (roles, schemas, btree_gist); the service's Flyway builds its schema.
 */
final class BenchDatabase {

    private final Settings settings;

    BenchDatabase(Settings settings) {
        this.settings = settings;
    }

    String jdbcUrl() {
        return url(settings.database());
    }

    String name() {
        return settings.database();
    }

    void recreate() throws SQLException, IOException {
        if (!settings.database().matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("database name '" + settings.database() + "' is not a plain identifier");
        }
        try (Connection server = connect(url("postgres")); Statement statement = server.createStatement()) {
            statement.execute("drop database if exists " + settings.database() + " with (force)");
            statement.execute("create database " + settings.database());
            statement.execute(script("roles.sql"));
        }
        try (Connection database = superuser(); Statement statement = database.createStatement()) {
            statement.execute(script("database.sql"));
        }
    }

    /** A superuser connection to the benchmark database that writes its batches as multi-row inserts. */
    Connection superuser() throws SQLException {
        return connect(jdbcUrl());
    }

    /** Deadlocks PostgreSQL has detected in this database (a backend reports its count when it ends at the latest). */
    long deadlocks() throws SQLException {
        try (Connection connection = superuser(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(
                     "select deadlocks from pg_stat_database where datname = current_database()")) {
            row.next();
            return row.getLong(1);
        }
    }

    String serverVersion() throws SQLException {
        try (Connection connection = superuser(); Statement statement = connection.createStatement();
             ResultSet version = statement.executeQuery("show server_version")) {
            version.next();
            return version.getString(1);
        }
    }

    private Connection connect(String url) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", settings.pgSuperuser());
        properties.setProperty("password", settings.pgPassword());
        properties.setProperty("reWriteBatchedInserts", "true");
        try {
            return DriverManager.getConnection(url, properties);
        } catch (SQLException e) {
            throw new SQLException("""
                    The benchmark needs PostgreSQL at %s:%s (superuser %s) and could not use it: %s
                    Start it (Debian: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start)
                    or set CLINIC_PG_HOST / CLINIC_PG_PORT / CLINIC_PG_SUPERUSER.""".formatted(
                    settings.pgHost(), settings.pgPort(), settings.pgSuperuser(), e.getMessage()), e);
        }
    }

    private String url(String database) {
        return "jdbc:postgresql://" + settings.pgHost() + ":" + settings.pgPort() + "/" + database;
    }

    private String script(String name) throws IOException {
        return Files.readString(settings.root().resolve("deploy/postgres").resolve(name));
    }
}
