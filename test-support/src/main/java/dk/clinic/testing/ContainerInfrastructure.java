package dk.clinic.testing;

import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.MountableFile;

/** PostgreSQL and Kafka in containers, for machines with a Docker engine. */
final class ContainerInfrastructure {

    private ContainerInfrastructure() {
    }

    static TestInfrastructure.TestDatabase database() {
        PostgreSQLContainer<?> postgres = new PostgreSQLContainer<>("postgres:15-alpine")
                .withDatabaseName("clinic_test")
                .withUsername("postgres")
                .withPassword("postgres")
                .withCopyFileToContainer(MountableFile.forClasspathResource("clinic-db/roles.sql"),
                        "/docker-entrypoint-initdb.d/01-roles.sql")
                .withCopyFileToContainer(MountableFile.forClasspathResource("clinic-db/database.sql"),
                        "/docker-entrypoint-initdb.d/02-database.sql");
        postgres.start();
        return new TestInfrastructure.TestDatabase() {
            @Override
            public String jdbcUrl() {
                return postgres.getJdbcUrl();
            }

            @Override
            public String adminJdbcUrl() {
                return postgres.getJdbcUrl();
            }

            @Override
            public String adminUser() {
                return postgres.getUsername();
            }

            @Override
            public String adminPassword() {
                return postgres.getPassword();
            }

            @Override
            public void shutdown() {
                postgres.stop();
            }
        };
    }

    static TestInfrastructure.TestBroker broker() {
        KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.2")
                .withEnv("KAFKA_NUM_PARTITIONS", "3");
        kafka.start();
        return new TestInfrastructure.TestBroker() {
            @Override
            public String bootstrapServers() {
                return kafka.getBootstrapServers();
            }

            @Override
            public void halt() {
                // pausing keeps the mapped port, as a broker that stops answering would
                kafka.getDockerClient().pauseContainerCmd(kafka.getContainerId()).exec();
            }

            @Override
            public void resume() {
                kafka.getDockerClient().unpauseContainerCmd(kafka.getContainerId()).exec();
            }

            @Override
            public void freeze() {
                halt(); // a paused container is a frozen broker: its port answers, the broker does not
            }

            @Override
            public void thaw() {
                resume();
            }

            @Override
            public void shutdown() {
                kafka.stop();
            }
        };
    }
}
