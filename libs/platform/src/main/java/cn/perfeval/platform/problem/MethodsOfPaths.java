package cn.perfeval.platform.problem;

import io.quarkus.arc.Arc;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Which HTTP methods the service's operations take on a path, so that a known path asked with another method
 * ({@code DELETE} or {@code PATCH} on a budget table) is answered 405 with the methods it does take, as
 * HTTP says, instead of the 404 the REST layer gives when no method of the resource matches (issue #13).
 * Read once from the resource classes (every one is a bean).
 */
final class MethodsOfPaths {

    private record Operation(Pattern path, String method) {
    }

    private static volatile List<Operation> operations;

    private MethodsOfPaths() {
    }

    /** The methods the operations on this path take, sorted; empty when no operation has this path. */
    static List<String> allowed(String path) {
        TreeSet<String> methods = new TreeSet<>();
        for (Operation o : operations()) {
            if (o.path().matcher(path).matches()) {
                methods.add(o.method());
            }
        }
        return List.copyOf(methods);
    }

    private static List<Operation> operations() {
        List<Operation> known = operations;
        if (known == null) {
            known = new ArrayList<>();
            for (Bean<?> bean : Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
                Class<?> type = bean.getBeanClass();
                Path root = type.getAnnotation(Path.class);
                if (root == null) {
                    continue;
                }
                for (Method m : type.getMethods()) {
                    String http = httpMethod(m);
                    if (http == null) {
                        continue;
                    }
                    Path sub = m.getAnnotation(Path.class);
                    known.add(new Operation(pattern(root.value() + (sub == null ? "" : "/" + sub.value())), http));
                }
            }
            operations = known;
        }
        return known;
    }

    private static String httpMethod(Method m) {
        for (Annotation a : m.getAnnotations()) {
            HttpMethod h = a.annotationType().getAnnotation(HttpMethod.class);
            if (h != null) {
                return h.value();
            }
        }
        return null;
    }

    /** "/api/v1/units/{unitCode}/years/{year}" → a pattern with one segment for each template. */
    static Pattern pattern(String template) {
        StringBuilder regex = new StringBuilder();
        for (String segment : template.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            regex.append('/').append(segment.startsWith("{") && segment.endsWith("}") ? "[^/]+" : Pattern.quote(segment));
        }
        return Pattern.compile(regex.length() == 0 ? "/" : regex + "/?");
    }
}
