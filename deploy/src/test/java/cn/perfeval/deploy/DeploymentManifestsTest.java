package cn.perfeval.deploy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deployment files (deploy/compose, deploy/kubernetes, README's Deployment table) agree with
 * the services' configuration; and the check does catch a change made on one side only, shown on
 * mutated copies of the repository's files. Plain JUnit: no service is started.
 */
class DeploymentManifestsTest {

    static Path repo;

    @BeforeAll
    static void findRepository() {
        repo = DeploymentConsistency.repositoryRoot();
    }

    @Test
    void deploymentFilesAgreeWithTheServices() {
        assertThat(DeploymentConsistency.check(repo)).isEmpty();
    }

    @Test
    void composeInterpolationGivesTheDefaults() {
        assertThat(DeploymentConsistency.interpolate("${A:-x}/${B}/${C-y}/$$1")).isEqualTo("x//y/$1");
    }

    // ------------------------------------------------------------ one side changed: reported

    @Test
    void portChangedInComposeOnlyIsReported(@TempDir Path copy) {
        copyRepository(copy);
        replace(copy.resolve("deploy/compose/compose.yaml"), "QUARKUS_HTTP_PORT: 8082", "QUARKUS_HTTP_PORT: 9082");

        assertThat(DeploymentConsistency.check(copy))
                .anySatisfy(p -> assertThat(p).contains("compose scoring-service").contains("QUARKUS_HTTP_PORT=9082"));
    }

    @Test
    void portChangedInTheServiceOnlyIsReported(@TempDir Path copy) {
        copyRepository(copy);
        replace(copy.resolve("report-service/src/main/resources/application.properties"), "quarkus.http.port=8083", "quarkus.http.port=9083");

        List<String> problems = DeploymentConsistency.check(copy);
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("compose report-service").contains("9083"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("kubernetes report-service").contains("container ports").contains("9083"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("kubernetes report-service").contains("readinessProbe").contains("9083"));
    }

    @Test
    void containerPortChangedInKubernetesOnlyIsReported(@TempDir Path copy) {
        copyRepository(copy);
        replace(copy.resolve("deploy/kubernetes/budget-service.yaml"), "containerPort: 8081", "containerPort: 8080");

        assertThat(DeploymentConsistency.check(copy))
                .anySatisfy(p -> assertThat(p).contains("kubernetes budget-service").contains("container ports [8080]"));
    }

    @Test
    void topicRenamedInKubernetesOnlyIsReported(@TempDir Path copy) {
        copyRepository(copy);
        replace(copy.resolve("deploy/kubernetes/kafka-topics.yaml"), "topicName: score-events\n", "topicName: scores\n");

        List<String> problems = DeploymentConsistency.check(copy);
        assertThat(problems).anySatisfy(p -> assertThat(p).isEqualTo(
                "kubernetes: topic score-events is not created (named by the services' *.topic properties)"));
        assertThat(problems).anySatisfy(p -> assertThat(p).isEqualTo("kubernetes: topic scores is created, but no service names it"));
    }

    @Test
    void topicRenamedInComposeOnlyIsReported(@TempDir Path copy) {
        copyRepository(copy);
        replace(copy.resolve("deploy/compose/compose.yaml"), "create budget-events 6", "create budget-event 6");

        assertThat(DeploymentConsistency.check(copy)).anySatisfy(p -> assertThat(p).isEqualTo(
                "compose: topic budget-events is not created (named by the services' *.topic properties)"));
    }

    @Test
    void topicRenamedInTheServiceOnlyIsReported(@TempDir Path copy) {
        copyRepository(copy);
        replace(copy.resolve("report-service/src/main/resources/application.properties"),
                "report.score-events.topic=score-events", "report.score-events.topic=scores");

        List<String> problems = DeploymentConsistency.check(copy);
        assertThat(problems).anySatisfy(p -> assertThat(p).isEqualTo(
                "compose: topic scores is not created (named by the services' *.topic properties)"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("kubernetes report-service: REPORT_SCORE_EVENTS_TOPIC=score-events"));
    }

    @Test
    void partitionCountDifferentFromTheServicesIsReported(@TempDir Path copy) {
        copyRepository(copy);
        replace(copy.resolve("deploy/compose/compose.yaml"), "create score-events 6", "create score-events 3");

        assertThat(DeploymentConsistency.check(copy)).anySatisfy(p -> assertThat(p).isEqualTo(
                "compose: topic score-events has 3 partitions, the services expect 6"));
    }

    @Test
    void autoscalingBeyondThePartitionCountIsReported(@TempDir Path copy) {
        copyRepository(copy);
        replace(copy.resolve("deploy/kubernetes/scoring-service.yaml"), "maxReplicas: 6", "maxReplicas: 8");

        assertThat(DeploymentConsistency.check(copy)).anySatisfy(p -> assertThat(p).isEqualTo(
                "kubernetes: HorizontalPodAutoscaler scoring-service allows 8 replicas, more than the 6 partitions of budget-events"));
    }

    @Test
    void unknownEnvironmentVariableIsReported(@TempDir Path copy) {
        copyRepository(copy);
        replace(copy.resolve("deploy/kubernetes/budget-service.yaml"), "BUDGET_EVENTS_TOPIC:", "BUDGET_EVENT_TOPIC:");

        assertThat(DeploymentConsistency.check(copy)).anySatisfy(p -> assertThat(p).isEqualTo(
                "kubernetes budget-service: environment variable BUDGET_EVENT_TOPIC is read by nothing of budget-service"));
    }

    @Test
    void imageNameChangedInTheBuildOnlyIsReported(@TempDir Path copy) {
        copyRepository(copy);
        replace(copy.resolve("budget-service/src/main/resources/application.properties"),
                "quarkus.container-image.group=perfeval", "quarkus.container-image.group=county");

        List<String> problems = DeploymentConsistency.check(copy);
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("compose budget-service: image perfeval/budget-service:")
                .contains("the build makes county/budget-service:"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("kubernetes budget-service: image perfeval/budget-service:"));
    }

    @Test
    void probePathChangedInKubernetesOnlyIsReported(@TempDir Path copy) {
        copyRepository(copy);
        replace(copy.resolve("deploy/kubernetes/report-service.yaml"), "path: /q/health/live", "path: /health/live");

        assertThat(DeploymentConsistency.check(copy)).anySatisfy(p -> assertThat(p).isEqualTo(
                "kubernetes report-service: livenessProbe asks /health/live, the service answers /q/health/live"));
    }

    @Test
    void databaseOfAnotherServiceIsReported(@TempDir Path copy) {
        copyRepository(copy);
        replace(copy.resolve("deploy/compose/compose.yaml"), "jdbc:postgresql://postgres:5432/scoring", "jdbc:postgresql://postgres:5432/budget");

        assertThat(DeploymentConsistency.check(copy))
                .anySatisfy(p -> assertThat(p).contains("compose scoring-service: the JDBC URL").contains("names database budget, but scoring-service's is scoring"));
    }

    @Test
    void imageBuiltOnEveryPackageIsReported(@TempDir Path copy) {
        copyRepository(copy);
        append(copy.resolve("scoring-service/src/main/resources/application.properties"), "\nquarkus.container-image.build=true\n");

        assertThat(DeploymentConsistency.check(copy)).contains(
                "scoring-service: application.properties builds an image on every package; only the images profile may");
    }

    // ------------------------------------------------------------ copies

    /** The files the check reads: the services' poms and sources, deploy/compose, deploy/kubernetes, README.md. */
    static void copyRepository(Path target) {
        for (String service : DeploymentConsistency.SERVICES) {
            copyFile(repo.resolve(service).resolve("pom.xml"), target.resolve(service).resolve("pom.xml"));
            copyTree(repo.resolve(service).resolve("src/main"), target.resolve(service).resolve("src/main"));
        }
        copyTree(repo.resolve("deploy/compose"), target.resolve("deploy/compose"));
        copyTree(repo.resolve("deploy/kubernetes"), target.resolve("deploy/kubernetes"));
        copyFile(repo.resolve("README.md"), target.resolve("README.md"));
        assertThat(DeploymentConsistency.check(target)).as("the unchanged copy agrees").isEmpty();
    }

    private static void copyTree(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            files.filter(Files::isRegularFile).forEach(f -> copyFile(f, to.resolve(from.relativize(f).toString())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyFile(Path from, Path to) {
        try {
            Files.createDirectories(to.getParent());
            Files.copy(from, to);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void replace(Path file, String from, String to) {
        String text = DeploymentConsistency.read(file);
        assertThat(text).as("%s contains %s", file, from).contains(from);
        write(file, text.replace(from, to));
    }

    private static void append(Path file, String text) {
        write(file, DeploymentConsistency.read(file) + text);
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
