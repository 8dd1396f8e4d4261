package cn.perfeval.deploy.demo;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * What the demo loaders share: the services' base URLs, an HTTP client and the golden case
 * (the figures of {@code demo/zhonglupu-2024.json} and the report text it was transcribed from).
 */
public record DemoContext(Http http, ObjectMapper json, URI budget, URI scoring, URI report,
                          JsonNode golden, String goldenReportText) {

    public static final String UNIT_CODE = "114303210062309155";
    public static final int YEAR = 2024;

    /** {@code token}: an admin bearer token, as the demo loads units, systems and narratives. */
    public static DemoContext of(URI budget, URI scoring, URI report, String token) {
        ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        try {
            return new DemoContext(new Http(token), json, budget, scoring, report,
                    json.readTree(resource("demo/zhonglupu-2024.json")),
                    new String(resource("demo/zhonglupu-2024-self-evaluation.txt").readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String path) {
        InputStream in = DemoContext.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("missing demo resource " + path);
        }
        return in;
    }

    public String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
