package dev.nbo.serving.content;

import java.util.Objects;

/**
 * A rendered block.
 *
 * @param html     never blank
 * @param fallback true when the fallback template was served
 * @param reason   why
 * @param detail   what went wrong for a fallback (the missing variable, the error), empty otherwise
 */
public record RenderedBlock(String html, boolean fallback, RenderReason reason, String detail) {
    public RenderedBlock {
        if (html == null || html.isBlank()) {
            throw new IllegalArgumentException("a rendered block must not be empty (reason " + reason + ")");
        }
        Objects.requireNonNull(reason, "reason");
        if (fallback == (reason == RenderReason.PERSONALIZED)) {
            throw new IllegalArgumentException("fallback " + fallback + " contradicts reason " + reason);
        }
        detail = detail == null ? "" : detail;
    }
}
