package dk.clinic.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every table of a service's schema as a row count and a digest of its rows, read as a superuser in one statement, to
 * tell whether a request wrote anything. The outbox is summarised by its event ids only (the relay stamps published_at
 * in the background), and Flyway's history is left out.
 * <p>
 * The digest is the sum of a hash of each row's text: it needs no sort, so a probe that takes a snapshot after each of
 * its thousands of requests stays fast however much the suite's earlier tests left in the schema (an ordered md5 of
 * every row made the booking probe three times slower as the suite grew). A write changes the count or, with
 * certainty but for a 1 in 2^32 chance, the sum. One connection serves every snapshot.
 */
public final class SchemaSnapshot {

    private final String url;
    private final String user;
    private final String password;
    private final String schema;
    private String query;
    private Connection connection;

    public SchemaSnapshot(String adminJdbcUrl, String user, String password, String schema) {
        this.url = adminJdbcUrl;
        this.user = user;
        this.password = password;
        this.schema = schema;
    }

    public Map<String, String> take() {
        try (Statement statement = connection().createStatement()) {
            if (query == null) {
                query = query(statement);
            }
            Map<String, String> tables = new TreeMap<>();
            try (ResultSet rows = statement.executeQuery(query)) {
                while (rows.next()) {
                    tables.put(rows.getString(1), rows.getLong(2) + " rows " + rows.getString(3));
                }
            }
            return tables;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read schema " + schema + ": " + e.getMessage(), e);
        }
    }

    private Connection connection() throws SQLException {
        if (connection == null || !connection.isValid(2)) {
            connection = DriverManager.getConnection(url, user, password);
        }
        return connection;
    }

    /** Counts the rows of {@code table} that satisfy {@code condition} (SQL over the table's columns). */
    public long count(String table, String condition) {
        try (Statement statement = connection().createStatement();
             ResultSet rows = statement.executeQuery(
                     "select count(*) from " + schema + "." + table + " where " + condition)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count " + table + ": " + e.getMessage(), e);
        }
    }

    private String query(Statement statement) throws SQLException {
        List<String> parts = new ArrayList<>();
        try (ResultSet tables = statement.executeQuery("""
                select table_name from information_schema.tables
                where table_schema = '%s' and table_type = 'BASE TABLE' and table_name <> 'flyway_schema_history'
                order by table_name""".formatted(schema))) {
            while (tables.next()) {
                String table = tables.getString(1);
                String row = table.equals("event_outbox") ? "t.event_id::text" : "t::text";
                parts.add("select '%s', count(*), coalesce(sum(hashtext(%s)::bigint), 0)::text from %s.%s t"
                        .formatted(table, row, schema, table));
            }
        }
        return String.join(" union all ", parts);
    }
}
