package cn.perfeval.report.render;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.function.Supplier;

/**
 * Counts and times document rendering by format: {@code perfeval_documents_rendered_total} and
 * {@code perfeval_document_render_seconds}, tagged {@code format} and {@code document}
 * ({@code report} or {@code county-summary}). Rendering DOCX and PDF is the costly part of a
 * request, so this is where a slow or busy service shows first. Failed renderings are not counted.
 */
@ApplicationScoped
public class RenderMetrics {

    private final MeterRegistry registry;

    public RenderMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public <T> T render(String document, String format, Supplier<T> renderer) {
        Timer.Sample sample = Timer.start(registry);
        T out = renderer.get();
        sample.stop(Timer.builder("perfeval.document.render")
                .description("Time to render a document")
                .tags("format", format, "document", document)
                .register(registry));
        Counter.builder("perfeval.documents.rendered")
                .description("Documents rendered")
                .tags("format", format, "document", document)
                .register(registry).increment();
        return out;
    }
}
