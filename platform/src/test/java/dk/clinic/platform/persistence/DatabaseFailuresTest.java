package dk.clinic.platform.persistence;

import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseFailuresTest {

    @Test
    void aServerThatIsAwayOrShuttingDownIsUnavailableWhereverItShowsInTheChain() {
        assertThat(DatabaseFailures.isUnavailable(new SQLException("refused", "08001"))).isTrue();
        assertThat(DatabaseFailures.isUnavailable(new RuntimeException(new ConnectException("refused")))).isTrue();
        assertThat(DatabaseFailures.isUnavailable(new SQLException("Sorry, acquisition timeout!"))).isTrue();
        // a commit cut off by a restart: the driver's exception is suppressed inside the transaction manager's
        RuntimeException commit = new RuntimeException("Could not commit transaction");
        Exception xa = new Exception("Error trying to commit",
                new SQLException("terminating connection due to administrator command", "57P01"));
        commit.addSuppressed(xa);
        assertThat(DatabaseFailures.isUnavailable(new RuntimeException("invoking", commit))).isTrue();
    }

    @Test
    void aRefusedValueIsNotAnOutageButNamesItsState() {
        SQLException tooLong = new SQLException("value too long for type character varying(200)", "22001");
        assertThat(DatabaseFailures.isUnavailable(tooLong)).isFalse();
        assertThat(DatabaseFailures.refusedValueState(new RuntimeException(tooLong))).contains("22001");
        assertThat(DatabaseFailures.refusedValueState(new IllegalStateException("a bug"))).isEmpty();
    }
}
