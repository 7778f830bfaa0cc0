package dk.clinic.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * The real PostgreSQL and the real Kafka broker a service's tests run against. Annotate a test with
 * {@code @QuarkusTestResource(value = ClinicInfrastructure.class, restrictToAnnotatedClass = false)} once per module.
 * Both are started once per test JVM and shared by every Quarkus application start in it.
 */
public class ClinicInfrastructure implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        return Map.of(
                "quarkus.datasource.jdbc.url", infrastructure.database().jdbcUrl(),
                "kafka.bootstrap.servers", infrastructure.broker().bootstrapServers());
    }

    @Override
    public void stop() {
        // shared by every application start in this JVM; stopped by a shutdown hook
    }
}
