package dk.clinic.platform;

import org.apache.kafka.common.utils.AppInfoParser;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The broker the tests and {@code ./clinic up} run (the kafka-broker module, which has no parent) is the version of the
 * Kafka client the Quarkus BOM gives the services.
 */
class KafkaVersionTest {

    @Test
    void theLocalBrokerRunsTheVersionOfTheServicesKafkaClient() throws Exception {
        Path classpath = Path.of(System.getProperty("clinic.broker.classpath.file"));
        String broker = Arrays.stream(Files.readString(classpath).trim().split(java.io.File.pathSeparator))
                .map(jar -> Path.of(jar).getFileName().toString())
                .filter(name -> name.startsWith("kafka-clients-"))
                .findFirst().orElseThrow()
                .replaceFirst("^kafka-clients-(.*)\\.jar$", "$1");
        assertThat(broker).as("the broker's Kafka in %s", classpath).isEqualTo(AppInfoParser.getVersion());
    }
}
