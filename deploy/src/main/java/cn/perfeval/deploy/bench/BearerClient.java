package cn.perfeval.deploy.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The HTTP calls of the benchmark and of the synthetic loader: each with a bearer token (a deployment verifies a
 * token on every call, so the figures include it) and a time limit; a call not answered at all is an error that
 * names the address.
 */
final class BearerClient {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String token;
    private final Duration timeout;

    BearerClient(String token, Duration timeout) {
        this.token = token;
        this.timeout = timeout;
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        HttpRequest r = request.header("Authorization", "Bearer " + token).timeout(timeout).build();
        try {
            return http.send(r, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(r.method() + " " + r.uri() + " was not answered: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
