package dev.nbo.serving.content;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import liqp.exceptions.VariableNotExistException;

/**
 * Renders blocks to HTML at send time. The personal template is served only to a known customer who accepts
 * personalisation and has offers; anything else, or any failure of the personal template, serves the block's fallback,
 * rendered once at load and so unable to fail now. Thread-safe (see {@link CompiledTemplate}); templates are parsed
 * at load.
 */
public final class BlockRenderer {
    private final Map<RenderReason, LongAdder> counts = new EnumMap<>(RenderReason.class);

    public BlockRenderer() {
        for (RenderReason reason : RenderReason.values()) {
            counts.put(reason, new LongAdder());
        }
    }

    public RenderedBlock render(Block block, RenderInput input) {
        if (input.customerId() == null) {
            return fallback(block, RenderReason.UNKNOWN_CUSTOMER, "no known customer");
        }
        if (input.optedOut()) {
            return fallback(block, RenderReason.OPTED_OUT, "customer " + input.customerId() + " opted out");
        }
        if (input.offers().isEmpty()) {
            return fallback(block, RenderReason.NO_OFFERS, "no ranked offers for customer " + input.customerId());
        }
        String html;
        try {
            html = block.template().render(LiquidVariables.personal(block, input));
        } catch (RuntimeException e) {
            // Liqp may wrap the strict-variable error (inside a for loop, a filter argument): look down the causes.
            VariableNotExistException missing = missingVariable(e);
            return missing != null
                    ? fallback(block, RenderReason.MISSING_VARIABLE, missing.getMessage())
                    : fallback(block, RenderReason.RENDER_ERROR, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        if (html == null || html.isBlank()) {
            return fallback(block, RenderReason.BLANK_OUTPUT, block.template().source() + " rendered nothing");
        }
        counts.get(RenderReason.PERSONALIZED).increment();
        return new RenderedBlock(html, false, RenderReason.PERSONALIZED, "");
    }

    /** How many blocks were rendered for each reason since this renderer was created (for metrics). */
    public long count(RenderReason reason) {
        return counts.get(reason).sum();
    }

    private RenderedBlock fallback(Block block, RenderReason reason, String detail) {
        counts.get(reason).increment();
        return new RenderedBlock(block.fallbackHtml(), true, reason, detail);
    }

    private static VariableNotExistException missingVariable(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof VariableNotExistException missing) {
                return missing;
            }
            if (cause.getCause() == cause) {
                return null;
            }
        }
        return null;
    }
}
