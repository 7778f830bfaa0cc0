package dk.clinic.platform.persistence;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Tells what a failure from the database layer means, by PostgreSQL's SQLSTATE anywhere in the cause chain: the server
 * cannot be reached (the caller may retry later: 503), or it refused a value that passed every rule of ours (a rule is
 * missing: the request is answered 4xx and the gap logged), or something else (a bug: 500).
 */
public final class DatabaseFailures {

    /** connection exceptions, admin/crash shutdown, cannot connect now, too many connections */
    private static final Set<String> UNAVAILABLE = Set.of("57P01", "57P02", "57P03", "53300");

    private DatabaseFailures() {
    }

    /** The database cannot be reached now: the server is down, restarting, or the pool has no connection to give. */
    public static boolean isUnavailable(Throwable failure) {
        for (Throwable cause : chain(failure)) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof java.net.ConnectException
                    || cause.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")) {
                return true;
            }
            if (cause instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || UNAVAILABLE.contains(state))) {
                    return true;
                }
                String message = sql.getMessage() == null ? "" : sql.getMessage().toLowerCase(Locale.ROOT);
                if (message.contains("acquisition timeout")) {
                    return true; // Agroal: no connection could be had within the acquisition timeout
                }
            }
        }
        return false;
    }

    /**
     * The SQLSTATE of a data exception (class 22: a value too long, out of range, not encodable) or an integrity
     * violation (class 23: not null, check, unique, exclusion) anywhere in the chain.
     */
    public static Optional<String> refusedValueState(Throwable failure) {
        for (Throwable cause : chain(failure)) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("22") || sql.getSQLState().startsWith("23"))) {
                return Optional.of(sql.getSQLState());
            }
        }
        return Optional.empty();
    }

    /**
     * The failure, its causes, the exceptions suppressed along the way (a commit that failed because the server went
     * away carries the driver's exception as a suppressed one of the transaction manager's) and a SQLException's next
     * ones.
     */
    private static Iterable<Throwable> chain(Throwable failure) {
        Set<Throwable> seen = new HashSet<>();
        List<Throwable> chain = new ArrayList<>();
        Deque<Throwable> pending = new ArrayDeque<>(List.of(failure));
        while (!pending.isEmpty() && chain.size() < 100) {
            Throwable next = pending.pop();
            if (!seen.add(next)) {
                continue;
            }
            chain.add(next);
            if (next.getCause() != null) {
                pending.add(next.getCause());
            }
            pending.addAll(List.of(next.getSuppressed()));
            if (next instanceof SQLException sql && sql.getNextException() != null) {
                pending.add(sql.getNextException());
            }
        }
        return chain;
    }
}
