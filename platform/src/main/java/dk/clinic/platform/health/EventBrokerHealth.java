package dk.clinic.platform.health;

import dk.clinic.platform.outbox.OutboxRelay;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The broker in readiness, always UP: the REST API goes on serving while the broker is away (the outbox keeps every
 * event until it is back), so a broker outage must not take the service out of a load balancer. It shows in the
 * check's data instead (reachable, events waiting, the last one published) and in the metric
 * {@code clinic_broker_reachable}.
 */
@Readiness
@ApplicationScoped
class EventBrokerHealth implements HealthCheck {

    private final Admin admin;
    private final BoundedProbe probe;
    private final OutboxRelay relay;

    EventBrokerHealth(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                      @ConfigProperty(name = "quarkus.application.name") String application,
                      OutboxRelay relay, MeterRegistry meters, Clock clock) {
        this.relay = relay;
        this.admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, application + "-health",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000));
        this.probe = new BoundedProbe("broker", () -> {
            try {
                int nodes = admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).size();
                return new BoundedProbe.Result(nodes > 0, nodes + " broker(s) answered", clock.instant());
            } catch (ExecutionException | TimeoutException e) {
                return new BoundedProbe.Result(false, "no answer: " + e.getClass().getSimpleName(), clock.instant());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new BoundedProbe.Result(false, "interrupted", clock.instant());
            }
        }, Duration.ofMillis(300), Duration.ofSeconds(2), clock);
        meters.gauge("clinic.broker.reachable", this, health -> health.probe.check().up() ? 1 : 0);
    }

    @Override
    public HealthCheckResponse call() {
        BoundedProbe.Result broker = probe.check();
        OutboxRelay.Status outbox = relay.status();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("event-broker").up()
                .withData("reachable", broker.up())
                .withData("detail", String.valueOf(broker.detail()))
                .withData("outboxPending", outbox.pending());
        if (outbox.lastAcknowledged() != null) {
            response.withData("lastPublished", outbox.lastAcknowledged().toString());
        }
        if (outbox.outageSince() != null) {
            response.withData("relayWaitingSince", outbox.outageSince().toString());
        }
        return response.build();
    }

    void close(@Observes ShutdownEvent shutdown) {
        admin.close(Duration.ofSeconds(2));
    }
}
