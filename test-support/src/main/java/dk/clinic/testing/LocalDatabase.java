package dk.clinic.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The local PostgreSQL server (trust authentication on loopback). Creates the test database and runs the same
 * set-up scripts as {@code ./clinic up} (roles, schemas, extensions); each service's Flyway then builds its schema.
 */
final class LocalDatabase implements TestInfrastructure.TestDatabase {

    private final String host = env("CLINIC_PG_HOST", "127.0.0.1");
    private final String port = env("CLINIC_PG_PORT", "5432");
    private final String superuser = env("CLINIC_PG_SUPERUSER", "postgres");
    private final String password = env("CLINIC_PG_PASSWORD", "");
    private final String name;
    /** The system tests start from an empty database; the services' own tests clean their schemas instead. */
    private final boolean fresh;

    /**
     * A database of its own on the local server, dropped and created again with the same set-up scripts, for a test
     * that runs a clinic apart from the shared one.
     *
     * @return its JDBC URL (the superuser's credentials are those of the shared test database)
     */
    static String fresh(String name) {
        LocalDatabase database = new LocalDatabase(name, true);
        database.createIfMissing();
        return database.jdbcUrl();
    }

    LocalDatabase() {
        this(env("CLINIC_TEST_DB", "clinic_test"), Boolean.parseBoolean(env("CLINIC_TEST_DB_FRESH", "false")));
    }

    private LocalDatabase(String name, boolean fresh) {
        this.name = name;
        this.fresh = fresh;
    }

    static LocalDatabase prepare() {
        LocalDatabase database = new LocalDatabase();
        database.createIfMissing();
        return database;
    }

    @Override
    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + name;
    }

    @Override
    public String adminJdbcUrl() {
        return jdbcUrl();
    }

    @Override
    public String adminUser() {
        return superuser;
    }

    @Override
    public String adminPassword() {
        return password;
    }

    private void createIfMissing() {
        String server = "jdbc:postgresql://" + host + ":" + port + "/postgres";
        try (Connection connection = DriverManager.getConnection(server, superuser, password);
             Statement statement = connection.createStatement()) {
            if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new IllegalStateException("CLINIC_TEST_DB '" + name + "' is not a plain identifier");
            }
            if (fresh) {
                statement.execute("drop database if exists " + name + " with (force)");
            }
            var exists = statement.executeQuery("select 1 from pg_database where datname = '" + name + "'");
            if (!exists.next()) {
                statement.execute("create database " + name);
            }
            statement.execute(script("roles.sql"));
        } catch (SQLException e) {
            throw new IllegalStateException("""
                    The tests need PostgreSQL at %s:%s (superuser %s) and could not use it: %s
                    Start it (Debian: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start)
                    or set CLINIC_PG_HOST / CLINIC_PG_PORT / CLINIC_PG_SUPERUSER.""".formatted(
                    host, port, superuser, e.getMessage()), e);
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl(), superuser, password);
             Statement statement = connection.createStatement()) {
            statement.execute(script("database.sql"));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare database " + name + ": " + e.getMessage(), e);
        }
    }

    static String script(String name) {
        try (InputStream in = LocalDatabase.class.getClassLoader().getResourceAsStream("clinic-db/" + name)) {
            if (in == null) {
                throw new IllegalStateException("clinic-db/" + name + " is missing from test-support");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
