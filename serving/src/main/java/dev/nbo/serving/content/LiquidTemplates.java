package dev.nbo.serving.content;

import dev.nbo.models.text.HtmlText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import liqp.TemplateContext;
import liqp.TemplateParser;
import liqp.filters.Escape_Once;
import liqp.filters.Filter;

/**
 * The one Liqp configuration of every block template.
 *
 * <p>Strict variables: a variable the template uses but the input lacks throws
 * {@link liqp.exceptions.VariableNotExistException} instead of printing nothing, so that the renderer can serve the
 * fallback rather than a block with holes. Values arrive already escaped (see {@link HtmlText}); the {@code escape}
 * filter is replaced by Liqp's {@code escape_once} so that a marketer's habitual {@code | escape} does not escape
 * twice ({@code &amp;amp;}). Iterations and output size are bounded so that a runaway loop fails (and falls back)
 * instead of hanging a request; no render-time limit, since Liqp enforces it with an extra thread per render.
 */
final class LiquidTemplates {
    private static final int MAX_ITERATIONS = 10_000;
    private static final int MAX_OUTPUT_CHARS = 1_000_000;

    static final TemplateParser PARSER = new TemplateParser.Builder()
            .withStrictVariables(true)
            .withErrorMode(TemplateParser.ErrorMode.STRICT)
            .withFilter(new IdempotentEscape())
            .withMaxIterations(MAX_ITERATIONS)
            .withMaxSizeRenderedString(MAX_OUTPUT_CHARS)
            .build();

    private LiquidTemplates() {
    }

    /**
     * Parses a template file.
     *
     * @throws IOException      when the file cannot be read
     * @throws RuntimeException Liqp's {@link liqp.exceptions.LiquidException} when the template does not parse
     */
    static CompiledTemplate compile(Path file) throws IOException {
        return new CompiledTemplate(file, Files.readString(file, StandardCharsets.UTF_8), PARSER);
    }

    private static final class IdempotentEscape extends Filter {
        private final Filter escapeOnce = new Escape_Once();

        IdempotentEscape() {
            super("escape");
        }

        @Override
        public Object apply(Object value, TemplateContext context, Object... params) {
            return escapeOnce.apply(value, context, params);
        }
    }
}
