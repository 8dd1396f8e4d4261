package cn.perfeval.deploy;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Compares what the deployment files name — images, ports, probe paths, environment variables,
 * topics, databases, the JWT key — with the services' own configuration (their
 * {@code application.properties}, poms and Jib settings), and lists every disagreement as one
 * line. Reads a repository tree, so that tests can run it on a mutated copy too.
 *
 * <p>Checked: {@code deploy/compose/compose.yaml}; every manifest listed in
 * {@code deploy/kubernetes/kustomization.yaml}; the environment table of README.md's
 * "Deployment" section.
 */
final class DeploymentConsistency {

    static final List<String> SERVICES = List.of("budget-service", "scoring-service", "report-service");

    /**
     * Environment variables a service reads that are not keys of its application.properties, each
     * with where it comes from: a file of the service that must contain a piece of text (so that
     * the variable disappears from the allowed set when its source does).
     */
    private static final Map<String, Map<String, String[]>> EXTRA_VARIABLES = Map.of(
            "report-service", Map.of(
                    "REPORT_PDF_FONT_PATH", new String[] {"src/main/java/cn/perfeval/report/config/ReportConfig.java", "fontPath()"},
                    "REPORT_PDF_FONT_INDEX", new String[] {"src/main/java/cn/perfeval/report/config/ReportConfig.java", "fontIndex()"}));

    /** Variables of quarkus-smallrye-jwt (docs/security.md), allowed where the service's pom has that extension. */
    private static final Set<String> JWT_VARIABLES = Set.of("MP_JWT_VERIFY_PUBLICKEY_LOCATION", "MP_JWT_VERIFY_ISSUER");

    /** Read by the JVM itself. */
    private static final Set<String> JVM_VARIABLES = Set.of("JAVA_TOOL_OPTIONS");

    private static final Pattern COMPOSE_VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?}");
    private static final Pattern TOPIC_CREATE = Pattern.compile("(?m)^\\s*create\\s+(\\S+)\\s+(\\d+)\\b");

    private final Path root;
    private final List<String> problems = new ArrayList<>();
    private final Map<String, ServiceConfig> services = new LinkedHashMap<>();

    private DeploymentConsistency(Path root) {
        this.root = root;
    }

    /** Every disagreement found in the repository tree at {@code root}; empty when all agree. */
    static List<String> check(Path root) {
        DeploymentConsistency c = new DeploymentConsistency(root);
        c.run();
        return c.problems;
    }

    /** The repository root: the nearest directory upwards from the working directory with deploy/compose/compose.yaml. */
    static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("deploy/compose/compose.yaml"))) {
                return d;
            }
        }
        throw new IllegalStateException("no deploy/compose/compose.yaml above " + dir);
    }

    private void run() {
        for (String s : SERVICES) {
            services.put(s, ServiceConfig.of(root.resolve(s), s));
        }
        services.values().forEach(this::checkImageBuild);
        checkCompose();
        Set<String> kubernetesVariables = checkKubernetes();
        checkReadme(kubernetesVariables);
    }

    private void problem(String format, Object... args) {
        problems.add(String.format(format, args));
    }

    // ---------------------------------------------------------------- the services' own settings

    /** What one service's configuration says about how it is deployed. */
    record ServiceConfig(String name, Path dir, Properties properties, String pom, String image, int port,
                         String database, Map<String, String> topicProperties, Map<String, Integer> partitions,
                         String healthRoot, String user) {

        static ServiceConfig of(Path dir, String name) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(dir.resolve("src/main/resources/application.properties"), StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            // the prod profile is what runs in a container
            for (String key : p.stringPropertyNames()) {
                if (key.startsWith("%prod.")) {
                    p.setProperty(key.substring(6), p.getProperty(key));
                }
            }
            p.stringPropertyNames().stream().filter(k -> k.startsWith("%")).forEach(p::remove);
            String pom = read(dir.resolve("pom.xml"));
            String version = pomVersion(dir.resolve("pom.xml"));

            String group = p.getProperty("quarkus.container-image.group");
            String imageName = p.getProperty("quarkus.container-image.name", p.getProperty("quarkus.application.name", name));
            String tag = p.getProperty("quarkus.container-image.tag", version);
            String registry = p.getProperty("quarkus.container-image.registry");
            String image = (registry == null ? "" : registry + "/") + (group == null ? "" : group + "/") + imageName + ":" + tag;

            int port = Integer.parseInt(p.getProperty("quarkus.http.port", "8080"));
            String url = p.getProperty("quarkus.datasource.jdbc.url", "");
            String database = databaseOf(url);

            Map<String, String> topics = new LinkedHashMap<>();
            Map<String, Integer> partitions = new LinkedHashMap<>();
            for (String key : new TreeSet<>(p.stringPropertyNames())) {
                if (key.endsWith(".topic") || key.endsWith("-topic")) {
                    topics.put(key, p.getProperty(key));
                    String partitionKey = key.substring(0, key.length() - "topic".length()) + "partitions";
                    if (p.containsKey(partitionKey)) {
                        partitions.put(p.getProperty(key), Integer.parseInt(p.getProperty(partitionKey).trim()));
                    }
                }
            }
            String nonApplication = trimSlashes(p.getProperty("quarkus.http.non-application-root-path", "q"));
            String health = trimSlashes(p.getProperty("quarkus.smallrye-health.root-path", "health"));
            String healthRoot = "/" + (nonApplication.isEmpty() ? "" : nonApplication + "/") + health;
            return new ServiceConfig(name, dir, p, pom, image, port, database, topics, partitions, healthRoot,
                    p.getProperty("quarkus.jib.user"));
        }

        String ready() {
            return healthRoot + "/ready";
        }

        /**
         * The topics the service reads as a consumer group: those with a sibling {@code .group}
         * property, or all when the service has one {@code consumer-group}; never a dead-letter topic
         * (those are only written).
         */
        Set<String> consumedTopics() {
            boolean serviceGroup = properties.stringPropertyNames().stream().anyMatch(k -> k.endsWith("consumer-group"));
            Set<String> consumed = new LinkedHashSet<>();
            topicProperties.forEach((key, topic) -> {
                String prefix = key.substring(0, key.length() - "topic".length());
                boolean deadLetter = key.contains("dead-letter") || topic.endsWith(".dead-letter");
                if (!deadLetter && (serviceGroup || properties.containsKey(prefix + "group"))) {
                    consumed.add(topic);
                }
            });
            return consumed;
        }

        String live() {
            return healthRoot + "/live";
        }

        String started() {
            return healthRoot + "/started";
        }

        /** Quarkus's environment name of a property: every non-alphanumeric character becomes '_', upper case. */
        static String environmentName(String property) {
            return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(java.util.Locale.ROOT);
        }

        /** The property an environment variable sets, if the variable is the environment name of one. */
        String propertyOf(String variable) {
            for (String key : properties.stringPropertyNames()) {
                if (environmentName(key).equals(variable)) {
                    return key;
                }
            }
            return null;
        }

        /** Where the variable comes from when it is no property key; null when nothing of the service reads it. */
        String sourceOf(String variable) {
            String property = propertyOf(variable);
            if (property != null) {
                return "application.properties: " + property;
            }
            if (JVM_VARIABLES.contains(variable)) {
                return "the JVM";
            }
            if (JWT_VARIABLES.contains(variable) && pom.contains("<artifactId>quarkus-smallrye-jwt</artifactId>")) {
                return "quarkus-smallrye-jwt";
            }
            String[] evidence = EXTRA_VARIABLES.getOrDefault(name, Map.of()).get(variable);
            if (evidence != null && Files.isRegularFile(dir.resolve(evidence[0])) && read(dir.resolve(evidence[0])).contains(evidence[1])) {
                return evidence[0];
            }
            return null;
        }
    }

    private void checkImageBuild(ServiceConfig s) {
        if (!s.properties().containsKey("quarkus.container-image.group")) {
            problem("%s: application.properties sets no quarkus.container-image.group", s.name());
        }
        if ("true".equals(s.properties().getProperty("quarkus.container-image.build"))) {
            problem("%s: application.properties builds an image on every package; only the images profile may", s.name());
        }
        if (!s.pom().contains("<artifactId>quarkus-container-image-jib</artifactId>")) {
            problem("%s: pom.xml has no quarkus-container-image-jib", s.name());
        }
        Element profile = imagesProfile(s.dir().resolve("pom.xml"));
        if (profile == null) {
            problem("%s: pom.xml has no 'images' profile", s.name());
        } else if (!"true".equals(childText(child(profile, "properties"), "quarkus.container-image.build"))) {
            problem("%s: the images profile does not set quarkus.container-image.build=true", s.name());
        }
        Element projectProperties = child(pomDocument(s.dir().resolve("pom.xml")).getDocumentElement(), "properties");
        if ("true".equals(childText(projectProperties, "quarkus.container-image.build"))) {
            problem("%s: pom.xml builds an image outside the images profile", s.name());
        }
        if (s.user() == null || s.user().equals("0") || s.user().equals("root")) {
            problem("%s: the image's user (quarkus.jib.user) is %s, not a non-root uid", s.name(), s.user());
        }
    }

    // ---------------------------------------------------------------- compose

    private void checkCompose() {
        Path file = root.resolve("deploy/compose/compose.yaml");
        Map<String, Object> compose = map(loadAll(file).get(0), "compose.yaml");
        Map<String, Object> composeServices = map(compose.get("services"), "compose services");
        Set<String> declaredSecrets = map(compose.getOrDefault("secrets", Map.of()), "compose secrets").keySet();

        // topics: the init container's kafka-topics calls
        Map<String, Integer> created = new LinkedHashMap<>();
        for (Object definition : composeServices.values()) {
            String command = commandText(map(definition, "compose service"));
            if (command.contains("kafka-topics")) {
                Matcher m = TOPIC_CREATE.matcher(command);
                while (m.find()) {
                    created.put(m.group(1), Integer.parseInt(m.group(2)));
                }
            }
        }
        checkTopics("compose", created);

        for (ServiceConfig s : services.values()) {
            Object definition = composeServices.get(s.name());
            if (definition == null) {
                problem("compose: no service %s", s.name());
                continue;
            }
            Map<String, Object> service = map(definition, s.name());
            String where = "compose " + s.name();
            String image = interpolate(String.valueOf(service.get("image")));
            // a registry in front is fine (images pushed with quarkus.container-image.registry)
            if (!s.image().equals(image) && !image.endsWith("/" + s.image())) {
                problem("%s: image %s, but the build makes %s", where, image, s.image());
            }
            Map<String, String> env = environment(service.get("environment"));
            checkEnvironment(where, s, env);
            String port = env.get("QUARKUS_HTTP_PORT");
            int listening = port == null ? s.port() : Integer.parseInt(port);
            Set<Integer> containerPorts = new LinkedHashSet<>();
            for (Object p : list(service.getOrDefault("ports", List.of()))) {
                String spec = interpolate(String.valueOf(p instanceof Map<?, ?> m ? m.get("target") : p));
                String target = spec.substring(spec.lastIndexOf(':') + 1).replace("/tcp", "");
                containerPorts.add(Integer.parseInt(target));
            }
            if (!containerPorts.contains(s.port())) {
                problem("%s: publishes container ports %s, but the service listens on %d", where, containerPorts, listening);
            }
            String health = commandText(map(service.getOrDefault("healthcheck", Map.of()), "healthcheck"), "test");
            if (!health.contains(s.ready())) {
                problem("%s: the health check does not ask %s", where, s.ready());
            }
            if (!health.contains("/" + s.port()) && !health.contains(":" + s.port())) {
                problem("%s: the health check does not use port %d", where, s.port());
            }
            // the database and the broker are compose services
            String url = env.get("QUARKUS_DATASOURCE_JDBC_URL");
            if (url != null) {
                checkDatabaseUrl(where, s, url);
                String host = hostOf(url);
                if (!composeServices.containsKey(host)) {
                    problem("%s: the JDBC URL names host %s, which is no compose service", where, host);
                }
            }
            String bootstrap = env.get("KAFKA_BOOTSTRAP_SERVERS");
            if (bootstrap != null) {
                for (String server : bootstrap.split(",")) {
                    String host = server.substring(0, server.lastIndexOf(':'));
                    if (!composeServices.containsKey(host)) {
                        problem("%s: KAFKA_BOOTSTRAP_SERVERS names %s, which is no compose service", where, host);
                    }
                }
            }
            // the JWT key: a compose secret given to the service
            String keyLocation = env.get("MP_JWT_VERIFY_PUBLICKEY_LOCATION");
            if (keyLocation == null) {
                problem("%s: no MP_JWT_VERIFY_PUBLICKEY_LOCATION", where);
            } else if (keyLocation.startsWith("/run/secrets/")) {
                String secret = keyLocation.substring("/run/secrets/".length());
                List<String> given = list(service.getOrDefault("secrets", List.of())).stream()
                        .map(o -> o instanceof Map<?, ?> m ? String.valueOf(m.get("source")) : String.valueOf(o)).toList();
                if (!declaredSecrets.contains(secret) || !given.contains(secret)) {
                    problem("%s: MP_JWT_VERIFY_PUBLICKEY_LOCATION is %s, but secret %s is not declared and given to it", where, keyLocation, secret);
                }
            }
            Map<String, Object> dependsOn = service.get("depends_on") instanceof Map<?, ?> m ? map(m, "depends_on") : Map.of();
            for (String needed : List.of("postgres", "kafka-init")) {
                if (!dependsOn.containsKey(needed)) {
                    problem("%s: does not depend on %s", where, needed);
                }
            }
        }
    }

    private static String commandText(Map<String, Object> service) {
        return commandText(service, "command") + "\n" + commandText(service, "entrypoint");
    }

    private static String commandText(Map<String, Object> service, String key) {
        Object c = service.get(key);
        if (c == null) {
            return "";
        }
        return c instanceof List<?> l ? String.join("\n", l.stream().map(String::valueOf).toList()) : String.valueOf(c);
    }

    private Map<String, String> environment(Object environment) {
        Map<String, String> env = new LinkedHashMap<>();
        if (environment instanceof Map<?, ?> m) {
            m.forEach((k, v) -> env.put(String.valueOf(k), v == null ? "" : interpolate(String.valueOf(v))));
        } else if (environment instanceof List<?> l) {
            for (Object o : l) {
                String entry = String.valueOf(o);
                int eq = entry.indexOf('=');
                env.put(eq < 0 ? entry : entry.substring(0, eq), eq < 0 ? "" : interpolate(entry.substring(eq + 1)));
            }
        }
        return env;
    }

    /** Compose's interpolation with nothing set: ${X:-default} and ${X-default} give the default, ${X} nothing. */
    static String interpolate(String value) {
        Matcher m = COMPOSE_VARIABLE.matcher(value.replace("$$", "\u0000"));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(2) == null ? "" : m.group(2)));
        }
        m.appendTail(out);
        return out.toString().replace("\u0000", "$");
    }

    // ---------------------------------------------------------------- kubernetes

    /** Checks the manifests; gives back the environment variables they set. */
    private Set<String> checkKubernetes() {
        Path dir = root.resolve("deploy/kubernetes");
        Map<String, Object> kustomization = map(loadAll(dir.resolve("kustomization.yaml")).get(0), "kustomization.yaml");
        List<Map<String, Object>> resources = new ArrayList<>();
        Set<String> listed = new LinkedHashSet<>();
        for (Object r : list(kustomization.getOrDefault("resources", List.of()))) {
            listed.add(String.valueOf(r));
            Path file = dir.resolve(String.valueOf(r));
            if (!Files.isRegularFile(file)) {
                problem("kustomization.yaml: resource %s does not exist", r);
                continue;
            }
            for (Object doc : loadAll(file)) {
                if (doc != null) {
                    Map<String, Object> resource = map(doc, String.valueOf(r));
                    resource.put("__file", r);
                    resources.add(resource);
                }
            }
        }
        try (Stream<Path> files = Files.list(dir)) {
            files.map(p -> p.getFileName().toString())
                    .filter(n -> (n.endsWith(".yaml") || n.endsWith(".yml")) && !n.startsWith("kustomization"))
                    .filter(n -> !listed.contains(n))
                    .forEach(n -> problem("kustomization.yaml: %s is not among its resources", n));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String namespace = String.valueOf(kustomization.get("namespace"));
        if (byKind(resources, "Namespace").stream().noneMatch(n -> namespace.equals(name(n)))) {
            problem("kubernetes: no Namespace %s, the kustomization's namespace", namespace);
        }

        // images: a kustomization images entry may set the tag
        Map<String, String> newTags = new LinkedHashMap<>();
        Map<String, String> newNames = new LinkedHashMap<>();
        for (Object o : list(kustomization.getOrDefault("images", List.of()))) {
            Map<String, Object> image = map(o, "images entry");
            if (image.get("newTag") != null) {
                newTags.put(String.valueOf(image.get("name")), String.valueOf(image.get("newTag")));
            }
            if (image.get("newName") != null) {
                newNames.put(String.valueOf(image.get("name")), String.valueOf(image.get("newName")));
            }
        }

        // JWT public key: file key of the generated ConfigMap
        Map<String, Set<String>> generatedKeys = new LinkedHashMap<>();
        for (Object o : list(kustomization.getOrDefault("configMapGenerator", List.of()))) {
            Map<String, Object> generator = map(o, "configMapGenerator");
            Set<String> keys = new LinkedHashSet<>();
            for (Object f : list(generator.getOrDefault("files", List.of()))) {
                String spec = String.valueOf(f);
                keys.add(spec.contains("=") ? spec.substring(0, spec.indexOf('=')) : Path.of(spec).getFileName().toString());
            }
            generatedKeys.put(String.valueOf(generator.get("name")), keys);
        }

        // topics and Kafka
        Map<String, Integer> topics = new LinkedHashMap<>();
        for (Map<String, Object> t : byKind(resources, "KafkaTopic")) {
            Map<String, Object> spec = map(t.get("spec"), "KafkaTopic spec");
            String topicName = spec.get("topicName") != null ? String.valueOf(spec.get("topicName")) : name(t);
            topics.put(topicName, ((Number) spec.get("partitions")).intValue());
            String cluster = String.valueOf(map(map(t.get("metadata"), "metadata").getOrDefault("labels", Map.of()), "labels").get("strimzi.io/cluster"));
            if (byKind(resources, "Kafka").stream().noneMatch(k -> cluster.equals(name(k)))) {
                problem("kubernetes: KafkaTopic %s belongs to Kafka cluster %s, which is not defined", topicName, cluster);
            }
        }
        checkTopics("kubernetes", topics);
        Set<String> bootstraps = new LinkedHashSet<>();
        for (Map<String, Object> k : byKind(resources, "Kafka")) {
            for (Object l : list(map(map(k.get("spec"), "Kafka spec").get("kafka"), "spec.kafka").getOrDefault("listeners", List.of()))) {
                Map<String, Object> listener = map(l, "listener");
                if ("internal".equals(listener.get("type")) && !Boolean.TRUE.equals(listener.get("tls"))) {
                    bootstraps.add(name(k) + "-kafka-bootstrap:" + listener.get("port"));
                }
            }
        }
        Set<String> databases = new LinkedHashSet<>();
        Map<String, String> clusterOfDatabase = new LinkedHashMap<>();
        for (Map<String, Object> c : byKind(resources, "Cluster")) {
            Object initdb = map(map(c.get("spec"), "Cluster spec").getOrDefault("bootstrap", Map.of()), "bootstrap").get("initdb");
            if (initdb != null) {
                String db = String.valueOf(map(initdb, "initdb").get("database"));
                databases.add(db);
                clusterOfDatabase.put(db, name(c));
            }
        }

        Map<String, Map<String, Object>> configMaps = new LinkedHashMap<>();
        byKind(resources, "ConfigMap").forEach(c -> configMaps.put(name(c), c));
        Set<String> variables = new TreeSet<>();

        for (ServiceConfig s : services.values()) {
            String where = "kubernetes " + s.name();
            Map<String, Object> deployment = byKind(resources, "Deployment").stream()
                    .filter(d -> s.name().equals(name(d))).findFirst().orElse(null);
            if (deployment == null) {
                problem("kubernetes: no Deployment %s", s.name());
                continue;
            }
            Map<String, Object> spec = map(deployment.get("spec"), "Deployment spec");
            Map<String, Object> template = map(spec.get("template"), "template");
            Map<String, String> podLabels = stringMap(map(template.get("metadata"), "template metadata").get("labels"));
            Map<String, Object> podSpec = map(template.get("spec"), "pod spec");
            Map<String, Object> podSecurity = map(podSpec.getOrDefault("securityContext", Map.of()), "securityContext");
            if (!Boolean.TRUE.equals(podSecurity.get("runAsNonRoot"))) {
                problem("%s: the pod does not set runAsNonRoot: true", where);
            }
            if (podSecurity.get("runAsUser") != null && !String.valueOf(podSecurity.get("runAsUser")).equals(s.user())) {
                problem("%s: runAsUser %s, but the image's user is %s", where, podSecurity.get("runAsUser"), s.user());
            }
            List<Object> containers = list(podSpec.get("containers"));
            Map<String, Object> container = map(containers.get(0), "container");

            // image
            String image = String.valueOf(container.get("image"));
            String repository = image.contains(":") ? image.substring(0, image.lastIndexOf(':')) : image;
            String tag = newTags.getOrDefault(repository, image.contains(":") ? image.substring(image.lastIndexOf(':') + 1) : "latest");
            String expectedRepository = s.image().substring(0, s.image().lastIndexOf(':'));
            String expectedTag = s.image().substring(s.image().lastIndexOf(':') + 1);
            if (!repository.equals(expectedRepository) || !tag.equals(expectedTag)) {
                problem("%s: image %s:%s (after kustomization images), but the build makes %s", where, repository, tag, s.image());
            }
            if (newNames.containsKey(repository) && !newNames.get(repository).endsWith("/" + expectedRepository)) {
                problem("%s: kustomization renames %s to %s", where, repository, newNames.get(repository));
            }

            // environment: the ConfigMaps it reads and its own env entries
            Map<String, String> env = new LinkedHashMap<>();
            for (Object o : list(container.getOrDefault("envFrom", List.of()))) {
                Object ref = map(o, "envFrom").get("configMapRef");
                if (ref != null) {
                    String cm = String.valueOf(map(ref, "configMapRef").get("name"));
                    Map<String, Object> configMap = configMaps.get(cm);
                    if (configMap == null) {
                        problem("%s: envFrom ConfigMap %s is not defined", where, cm);
                    } else {
                        env.putAll(stringMap(configMap.get("data")));
                    }
                }
            }
            Map<String, String> secretRefs = new LinkedHashMap<>();
            for (Object o : list(container.getOrDefault("env", List.of()))) {
                Map<String, Object> e = map(o, "env");
                String variable = String.valueOf(e.get("name"));
                if (e.containsKey("value")) {
                    env.put(variable, String.valueOf(e.get("value")));
                } else {
                    env.put(variable, null);
                    Object from = e.get("valueFrom");
                    Object secret = from == null ? null : map(from, "valueFrom").get("secretKeyRef");
                    if (secret != null) {
                        secretRefs.put(variable, String.valueOf(map(secret, "secretKeyRef").get("name")));
                    }
                }
            }
            variables.addAll(env.keySet());
            checkEnvironment(where, s, env);

            // port, probes, Service
            Map<String, Integer> namedPorts = new LinkedHashMap<>();
            for (Object o : list(container.getOrDefault("ports", List.of()))) {
                Map<String, Object> p = map(o, "port");
                namedPorts.put(String.valueOf(p.get("name")), ((Number) p.get("containerPort")).intValue());
            }
            if (!namedPorts.containsValue(s.port())) {
                problem("%s: container ports %s, but the service listens on %d", where, namedPorts.values(), s.port());
            }
            checkProbe(where, container, "readinessProbe", s.ready(), s.port(), namedPorts);
            checkProbe(where, container, "livenessProbe", s.live(), s.port(), namedPorts);
            checkProbe(where, container, "startupProbe", s.started(), s.port(), namedPorts);
            Map<String, String> annotations = stringMap(map(template.get("metadata"), "template metadata").get("annotations"));
            if (annotations.containsKey("prometheus.io/port") && !annotations.get("prometheus.io/port").equals(String.valueOf(s.port()))) {
                problem("%s: prometheus.io/port %s, but the service listens on %d", where, annotations.get("prometheus.io/port"), s.port());
            }
            Map<String, Object> resourcesOf = map(container.getOrDefault("resources", Map.of()), "resources");
            if (!resourcesOf.containsKey("requests") || !resourcesOf.containsKey("limits")) {
                problem("%s: the container has no resource requests and limits", where);
            }
            Map<String, Object> service = byKind(resources, "Service").stream().filter(r -> s.name().equals(name(r))).findFirst().orElse(null);
            if (service == null) {
                problem("kubernetes: no Service %s", s.name());
            } else {
                Map<String, Object> serviceSpec = map(service.get("spec"), "Service spec");
                if (!podLabels.entrySet().containsAll(stringMap(serviceSpec.get("selector")).entrySet())) {
                    problem("%s: the Service's selector does not select the pods", where);
                }
                for (Object o : list(serviceSpec.get("ports"))) {
                    Object target = map(o, "service port").get("targetPort");
                    Integer resolved = target instanceof Number n ? Integer.valueOf(n.intValue()) : namedPorts.get(String.valueOf(target));
                    if (!Objects.equals(resolved, s.port())) {
                        problem("%s: the Service's targetPort %s is not the service's port %d", where, target, s.port());
                    }
                }
            }
            Map<String, Object> pdb = byKind(resources, "PodDisruptionBudget").stream().filter(r -> s.name().equals(name(r))).findFirst().orElse(null);
            if (pdb == null) {
                problem("kubernetes: no PodDisruptionBudget %s", s.name());
            } else if (!podLabels.entrySet().containsAll(stringMap(map(map(pdb.get("spec"), "PDB spec").get("selector"), "selector").get("matchLabels")).entrySet())) {
                problem("%s: the PodDisruptionBudget does not select the pods", where);
            }

            // database, broker, JWT key
            String url = env.get("QUARKUS_DATASOURCE_JDBC_URL");
            if (url != null) {
                checkDatabaseUrl(where, s, url);
                String cluster = clusterOfDatabase.get(s.database());
                if (cluster == null) {
                    problem("%s: no CloudNativePG Cluster bootstraps database %s", where, s.database());
                } else {
                    if (!hostOf(url).equals(cluster + "-rw")) {
                        problem("%s: the JDBC URL names host %s, not %s-rw", where, hostOf(url), cluster);
                    }
                    for (String v : List.of("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD")) {
                        if (!(cluster + "-app").equals(secretRefs.get(v))) {
                            problem("%s: %s does not come from the Secret %s-app", where, v, cluster);
                        }
                    }
                }
            }
            String bootstrap = env.get("KAFKA_BOOTSTRAP_SERVERS");
            if (bootstrap != null && !bootstraps.contains(bootstrap)) {
                problem("%s: KAFKA_BOOTSTRAP_SERVERS %s is not the bootstrap of a Kafka defined here %s", where, bootstrap, bootstraps);
            }
            checkKeyMount(where, env.get("MP_JWT_VERIFY_PUBLICKEY_LOCATION"), container, podSpec, generatedKeys, configMaps);
        }

        // autoscaling: never more consumers in one group than partitions of a topic they share
        for (Map<String, Object> hpa : byKind(resources, "HorizontalPodAutoscaler")) {
            Map<String, Object> spec = map(hpa.get("spec"), "HPA spec");
            String target = String.valueOf(map(spec.get("scaleTargetRef"), "scaleTargetRef").get("name"));
            int max = ((Number) spec.get("maxReplicas")).intValue();
            ServiceConfig s = services.get(target);
            if (s == null) {
                problem("kubernetes: HorizontalPodAutoscaler %s scales %s, which is no service", name(hpa), target);
                continue;
            }
            if (s.consumedTopics().isEmpty()) {
                problem("kubernetes: HorizontalPodAutoscaler %s scales %s, which consumes no topic as a group", name(hpa), target);
            }
            for (String topic : s.consumedTopics()) {
                Integer partitions = topics.get(topic);
                if (partitions != null && max > partitions) {
                    problem("kubernetes: HorizontalPodAutoscaler %s allows %d replicas, more than the %d partitions of %s", name(hpa), max, partitions, topic);
                }
            }
        }
        if (!databases.containsAll(services.values().stream().map(ServiceConfig::database).toList())) {
            problem("kubernetes: CloudNativePG Clusters bootstrap databases %s, the services use %s", databases,
                    services.values().stream().map(ServiceConfig::database).toList());
        }
        return variables;
    }

    private void checkProbe(String where, Map<String, Object> container, String probe, String path, int port, Map<String, Integer> namedPorts) {
        Object p = container.get(probe);
        if (p == null) {
            problem("%s: no %s", where, probe);
            return;
        }
        Map<String, Object> get = map(map(p, probe).get("httpGet"), probe + ".httpGet");
        if (!path.equals(get.get("path"))) {
            problem("%s: %s asks %s, the service answers %s", where, probe, get.get("path"), path);
        }
        Object target = get.get("port");
        Integer resolved = target instanceof Number n ? Integer.valueOf(n.intValue()) : namedPorts.get(String.valueOf(target));
        if (!Objects.equals(resolved, port)) {
            problem("%s: %s uses port %s, the service listens on %d", where, probe, target, port);
        }
    }

    private void checkKeyMount(String where, String location, Map<String, Object> container, Map<String, Object> podSpec,
                               Map<String, Set<String>> generatedKeys, Map<String, Map<String, Object>> configMaps) {
        if (location == null) {
            problem("%s: no MP_JWT_VERIFY_PUBLICKEY_LOCATION", where);
            return;
        }
        if (location.contains("://")) {
            return; // a URL (JWKS endpoint of the identity provider)
        }
        for (Object o : list(container.getOrDefault("volumeMounts", List.of()))) {
            Map<String, Object> mount = map(o, "volumeMount");
            String mountPath = String.valueOf(mount.get("mountPath"));
            if (location.startsWith(mountPath + "/")) {
                String key = location.substring(mountPath.length() + 1);
                for (Object v : list(podSpec.getOrDefault("volumes", List.of()))) {
                    Map<String, Object> volume = map(v, "volume");
                    if (!String.valueOf(volume.get("name")).equals(mount.get("name"))) {
                        continue;
                    }
                    Object cm = volume.get("configMap");
                    Object secret = volume.get("secret");
                    if (cm != null) {
                        String cmName = String.valueOf(map(cm, "configMap").get("name"));
                        Set<String> keys = generatedKeys.containsKey(cmName) ? generatedKeys.get(cmName)
                                : configMaps.containsKey(cmName) ? stringMap(configMaps.get(cmName).get("data")).keySet() : null;
                        if (keys == null) {
                            problem("%s: the JWT key's ConfigMap %s is neither defined nor generated", where, cmName);
                        } else if (!keys.contains(key)) {
                            problem("%s: MP_JWT_VERIFY_PUBLICKEY_LOCATION %s, but ConfigMap %s has keys %s", where, location, cmName, keys);
                        }
                    } else if (secret == null) {
                        problem("%s: the JWT key's volume %s is no ConfigMap or Secret", where, mount.get("name"));
                    }
                    return;
                }
                problem("%s: volumeMount %s has no volume", where, mount.get("name"));
                return;
            }
        }
        problem("%s: MP_JWT_VERIFY_PUBLICKEY_LOCATION %s is on no mounted volume", where, location);
    }

    // ---------------------------------------------------------------- shared checks

    /** Every variable must be one the service reads; ports, topics and consumer groups must be the configured ones. */
    private void checkEnvironment(String where, ServiceConfig s, Map<String, String> env) {
        env.forEach((variable, value) -> {
            String source = s.sourceOf(variable);
            if (source == null) {
                problem("%s: environment variable %s is read by nothing of %s", where, variable, s.name());
                return;
            }
            String property = s.propertyOf(variable);
            if (property == null || value == null) {
                return;
            }
            boolean mustMatch = property.equals("quarkus.http.port") || s.topicProperties().containsKey(property)
                    || property.endsWith(".group") || property.endsWith("consumer-group");
            if (mustMatch && !value.trim().equals(s.properties().getProperty(property).trim())) {
                problem("%s: %s=%s, but %s's %s is %s", where, variable, value, s.name(), property, s.properties().getProperty(property));
            }
        });
        for (String required : List.of("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD", "KAFKA_BOOTSTRAP_SERVERS")) {
            if (!env.containsKey(required)) {
                problem("%s: %s is not set", where, required);
            }
        }
    }

    private void checkDatabaseUrl(String where, ServiceConfig s, String url) {
        if (!s.database().equals(databaseOf(url))) {
            problem("%s: the JDBC URL %s names database %s, but %s's is %s", where, url, databaseOf(url), s.name(), s.database());
        }
    }

    /** Every topic the services name exists with their partition count; nothing else but their dead-letter topics. */
    private void checkTopics(String where, Map<String, Integer> created) {
        Map<String, Integer> expected = new LinkedHashMap<>();
        Set<String> named = new LinkedHashSet<>();
        for (ServiceConfig s : services.values()) {
            named.addAll(s.topicProperties().values());
            expected.putAll(s.partitions());
        }
        for (String topic : named) {
            if (!created.containsKey(topic)) {
                problem("%s: topic %s is not created (named by the services' *.topic properties)", where, topic);
            } else if (expected.containsKey(topic) && !expected.get(topic).equals(created.get(topic))) {
                problem("%s: topic %s has %d partitions, the services expect %d", where, topic, created.get(topic), expected.get(topic));
            }
        }
        for (String topic : created.keySet()) {
            boolean deadLetter = topic.endsWith(".dead-letter") && named.contains(topic.substring(0, topic.length() - ".dead-letter".length()));
            if (!named.contains(topic) && !deadLetter) {
                problem("%s: topic %s is created, but no service names it", where, topic);
            }
        }
    }

    // ---------------------------------------------------------------- README

    private void checkReadme(Set<String> kubernetesVariables) {
        String readme = read(root.resolve("README.md"));
        int start = readme.indexOf("\n## Deployment");
        if (start < 0) {
            problem("README.md: no section \"## Deployment\"");
            return;
        }
        int end = readme.indexOf("\n## ", start + 1);
        String section = end < 0 ? readme.substring(start) : readme.substring(start, end);
        Set<String> documented = new LinkedHashSet<>();
        Matcher m = Pattern.compile("(?m)^\\|[^|\\n]*\\|\\s*`([A-Z][A-Z0-9_]*)`").matcher(section);
        while (m.find()) {
            documented.add(m.group(1));
        }
        Set<String> used = new TreeSet<>(kubernetesVariables);
        Map<String, Object> composeServices = map(map(loadAll(root.resolve("deploy/compose/compose.yaml")).get(0), "compose").get("services"), "services");
        for (String s : SERVICES) {
            if (composeServices.get(s) != null) {
                used.addAll(environment(map(composeServices.get(s), s).get("environment")).keySet());
            }
        }
        for (String variable : used) {
            if (!documented.contains(variable)) {
                problem("README.md: the Deployment table does not document %s", variable);
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    static List<Object> loadAll(Path file) {
        List<Object> docs = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(r).forEach(docs::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return docs;
    }

    private static List<Map<String, Object>> byKind(List<Map<String, Object>> resources, String kind) {
        return resources.stream().filter(r -> kind.equals(r.get("kind"))).toList();
    }

    private static String name(Map<String, Object> resource) {
        return String.valueOf(map(resource.get("metadata"), "metadata").get("name"));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o, String what) {
        if (o instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw new IllegalArgumentException(what + " is not a mapping: " + o);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        if (o == null) {
            return List.of();
        }
        if (o instanceof List<?> l) {
            return (List<Object>) l;
        }
        throw new IllegalArgumentException("not a list: " + o);
    }

    private static Map<String, String> stringMap(Object o) {
        Map<String, String> out = new LinkedHashMap<>();
        if (o instanceof Map<?, ?> m) {
            m.forEach((k, v) -> out.put(String.valueOf(k), v == null ? null : String.valueOf(v)));
        }
        return out;
    }

    static String databaseOf(String jdbcUrl) {
        if (!jdbcUrl.startsWith("jdbc:")) {
            return "";
        }
        String path = URI.create(jdbcUrl.substring(5)).getPath();
        return path == null ? "" : trimSlashes(path);
    }

    private static String hostOf(String jdbcUrl) {
        return URI.create(jdbcUrl.substring(5)).getHost();
    }

    private static String trimSlashes(String s) {
        return s.replaceAll("^/+|/+$", "");
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Document pomDocument(Path pom) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return f.newDocumentBuilder().parse(pom.toFile());
        } catch (Exception e) {
            throw new IllegalStateException("cannot parse " + pom, e);
        }
    }

    private static String pomVersion(Path pom) {
        Element project = pomDocument(pom).getDocumentElement();
        String own = childText(project, "version");
        return own != null ? own : childText(child(project, "parent"), "version");
    }

    private static Element imagesProfile(Path pom) {
        Element profiles = child(pomDocument(pom).getDocumentElement(), "profiles");
        if (profiles == null) {
            return null;
        }
        NodeList list = profiles.getChildNodes();
        for (int i = 0; i < list.getLength(); i++) {
            if (list.item(i) instanceof Element profile && "profile".equals(profile.getTagName()) && "images".equals(childText(profile, "id"))) {
                return profile;
            }
        }
        return null;
    }

    private static Element child(Element parent, String name) {
        if (parent == null) {
            return null;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getTagName())) {
                return e;
            }
        }
        return null;
    }

    private static String childText(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? null : e.getTextContent().trim();
    }
}
