package cn.perfeval.deploy.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A tiny JSON-over-HTTP client for loading demo data; any non-2xx answer is an error. Requests
 * carry the bearer token given (none for the open health endpoints). What a person wrote (unit
 * master data, judgements, published scores, narratives) is replaced with {@code If-Match}, as
 * docs/api.md requires once it exists: {@link #etag} reads the version to send.
 */
public final class Http {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String bearerToken;

    public Http(String bearerToken) {
        this.bearerToken = bearerToken;
    }

    public String get(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET());
    }

    public String put(URI uri, String json) {
        return put(uri, json, null);
    }

    /** A PUT that replaces the version {@code ifMatch} (an ETag as the service sent it); none when null. */
    public String put(URI uri, String json, String ifMatch) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return send(request);
    }

    /**
     * The ETag of the resource at {@code uri}, or null when it does not exist yet (404): what a PUT
     * that replaces it sends as {@code If-Match}. Any other non-2xx answer is an error.
     */
    public String etag(URI uri) {
        HttpRequest r = authorized(HttpRequest.newBuilder(uri)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json").GET().build();
        try {
            HttpResponse<String> response = client.send(r, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 404) {
                return null;
            }
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("GET " + uri + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.headers().firstValue("ETag").orElseThrow(() ->
                    new IllegalStateException("GET " + uri + " answered without an ETag"));
        } catch (IOException e) {
            throw new IllegalStateException("GET " + uri + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** A PUT of what a person wrote: without If-Match when it does not exist yet, else replacing the version there. */
    public String replace(URI uri, String json) {
        return put(uri, json, etag(uri));
    }

    public String post(URI uri, String json) {
        return send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** An answer whatever its status: for the demo's steps that expect a refusal before they succeed. */
    public record Answer(int status, String body, String etag) {
        public boolean ok() {
            return status / 100 == 2;
        }
    }

    /** A POST of JSON with {@code If-Match} (none when null), answered whatever the status. */
    public Answer postAnswer(URI uri, String json, String ifMatch) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return answer(request);
    }

    /** A GET answered whatever the status, with its ETag when it has one. */
    public Answer getAnswer(URI uri) {
        return answer(HttpRequest.newBuilder(uri).GET());
    }

    private Answer answer(HttpRequest.Builder request) {
        HttpRequest r = authorized(request).timeout(Duration.ofSeconds(60)).header("Accept", "application/json").build();
        try {
            HttpResponse<String> response = client.send(r, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), response.headers().firstValue("ETag").orElse(null));
        } catch (IOException e) {
            throw new IllegalStateException(r.method() + " " + r.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Status code of a GET, for health and readiness checks; -1 when nothing answers. */
    public int status(URI uri) {
        try {
            return client.send(authorized(HttpRequest.newBuilder(uri)).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private String send(HttpRequest.Builder request) {
        HttpRequest r = authorized(request).timeout(Duration.ofSeconds(30)).header("Accept", "application/json").build();
        try {
            HttpResponse<String> response = client.send(r, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(r.method() + " " + r.uri() + " answered " + response.statusCode()
                        + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(r.method() + " " + r.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private HttpRequest.Builder authorized(HttpRequest.Builder request) {
        return bearerToken == null ? request : request.header("Authorization", "Bearer " + bearerToken);
    }
}
