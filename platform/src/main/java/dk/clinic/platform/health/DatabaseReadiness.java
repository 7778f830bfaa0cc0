package dk.clinic.platform.health;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;

/**
 * Readiness: the service can serve its users only while its database answers; every request reads or writes it. A
 * connection from the pool must answer within a bound, or the service is not ready (and answers 503 meanwhile).
 */
@Readiness
@ApplicationScoped
class DatabaseReadiness implements HealthCheck {

    private final BoundedProbe probe;

    DatabaseReadiness(AgroalDataSource dataSource, Clock clock) {
        this.probe = new BoundedProbe("database", () -> {
            try (Connection connection = dataSource.getConnection()) {
                return new BoundedProbe.Result(connection.isValid(2), "a pooled connection answered", clock.instant());
            } catch (SQLException e) {
                return new BoundedProbe.Result(false, e.getMessage(), clock.instant());
            }
        }, Duration.ofMillis(800), Duration.ofMillis(500), clock);
    }

    @Override
    public HealthCheckResponse call() {
        BoundedProbe.Result result = probe.check();
        return HealthCheckResponse.named("database").status(result.up())
                .withData("detail", String.valueOf(result.detail()))
                .withData("checkedAt", result.at().toString())
                .build();
    }
}
