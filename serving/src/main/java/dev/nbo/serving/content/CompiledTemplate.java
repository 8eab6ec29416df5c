package dev.nbo.serving.content;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import liqp.Template;
import liqp.TemplateParser;

/**
 * A Liquid template file, parsed at load, that many threads may render at once.
 *
 * <p>A Liqp 0.9.2.3 {@link Template} is not safe to render concurrently: each render stores its context in a field
 * of the template and reads it back, so two concurrent renders can swap variables (a test caught one customer's city
 * in another's block). Each render therefore borrows a template of its own from a pool, parsing a new copy only when
 * every pooled one is in use; the pool keeps at most {@link #MAX_IDLE} copies so a burst cannot hold memory forever.
 */
public final class CompiledTemplate {
    static final int MAX_IDLE = 64;

    private final Path source;
    private final String text;
    private final TemplateParser parser;
    private final ConcurrentLinkedQueue<Template> idle = new ConcurrentLinkedQueue<>();
    private final AtomicInteger idleCount = new AtomicInteger();

    /**
     * Parses {@code text} once, so that a template that does not parse is refused here.
     *
     * @throws RuntimeException Liqp's {@link liqp.exceptions.LiquidException} when the template does not parse
     */
    CompiledTemplate(Path source, String text, TemplateParser parser) {
        this.source = Objects.requireNonNull(source, "source");
        this.text = Objects.requireNonNull(text, "text");
        this.parser = Objects.requireNonNull(parser, "parser");
        giveBack(parser.parse(text));
    }

    /** The template file. */
    public Path source() {
        return source;
    }

    /**
     * Renders the template with these variables.
     *
     * @throws RuntimeException whatever Liqp throws: {@link liqp.exceptions.VariableNotExistException} for a missing
     *                          variable, another exception for an unknown filter or a failing one
     */
    public String render(Map<String, Object> variables) {
        Template template = idle.poll();
        if (template == null) {
            template = parser.parse(text);
        } else {
            idleCount.decrementAndGet();
        }
        try {
            return template.render(variables);
        } finally {
            giveBack(template);
        }
    }

    private void giveBack(Template template) {
        if (idleCount.incrementAndGet() <= MAX_IDLE) {
            idle.offer(template);
        } else {
            idleCount.decrementAndGet();
        }
    }
}
