package dk.clinic.contracts;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed contracts pass a stranger's tools: Redocly's recommended rules for both OpenAPI documents and the
 * official AsyncAPI parser for {@code asyncapi.yaml}, with 0 errors. The tools come from npm ({@code lint/package.json},
 * pinned by its lock file), installed by {@code ./clinic test} and {@code .ci/run}. Their full output is kept in
 * {@code target/contract-lint/} for a reviewer.
 */
class ContractLintTest {

    private static final Path LINT = Path.of("lint").toAbsolutePath();
    private static final Path CONTRACTS = Path.of("src/main/resources/contracts").toAbsolutePath();
    private static final Path REPORTS = Path.of("target/contract-lint").toAbsolutePath();

    @BeforeAll
    static void theLintersAreInstalled() throws IOException {
        assertThat(LINT.resolve("node_modules/.bin/redocly"))
                .as("the contract linters are installed: ./clinic test (or .ci/run) installs them from npm; "
                        + "by hand: npm ci --prefix event-contracts/lint")
                .exists();
        Files.createDirectories(REPORTS);
    }

    @Test
    void bothOpenApiDocumentsPassRedoclysRecommendedRulesWithoutAnError() throws Exception {
        Run run = run("openapi.txt", LINT.resolve("node_modules/.bin/redocly").toString(), "lint",
                "--config", LINT.resolve("redocly.yaml").toString(), "--format", "stylish",
                CONTRACTS.resolve("openapi/booking-service.json").toString(),
                CONTRACTS.resolve("openapi/treatment-service.json").toString());

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).as(run.output()).doesNotContainPattern("(?m)^\\s*\\d+:\\d+\\s+error\\b");
    }

    @Test
    void theAsyncApiDocumentParsesWithTheOfficialParserWithoutAnError() throws Exception {
        Run run = run("asyncapi.txt", "node", LINT.resolve("validate-asyncapi.mjs").toString(),
                CONTRACTS.resolve("asyncapi.yaml").toString());

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("parsed, 0 error(s)");
    }

    private static Run run(String report, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(List.of(command)).directory(LINT.toFile()).redirectErrorStream(true);
        builder.environment().put("REDOCLY_TELEMETRY", "off");
        builder.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
        builder.environment().put("NO_COLOR", "1");
        Process process = builder.start();
        List<String> lines = new ArrayList<>();
        try (var reader = process.inputReader(UTF_8)) {
            reader.lines().forEach(lines::add);
        }
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
        }
        String output = String.join("\n", lines);
        Files.writeString(REPORTS.resolve(report), output + "\n");
        return new Run(process.exitValue(), output);
    }

    private record Run(int exitCode, String output) {
    }
}
