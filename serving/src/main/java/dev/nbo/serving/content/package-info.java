/**
 * Email blocks and their content: the marketers' {@code blocks.yaml} (which customer data a block draws on, which
 * content element it shows, how its offers are chosen, its Liquid template and fallback template), loaded and
 * cross-checked against the offer catalog by {@link dev.nbo.serving.content.BlockCatalog}, and rendered to HTML by
 * {@link dev.nbo.serving.content.BlockRenderer}.
 *
 * <p>A block never comes out empty or broken: the fallback template is rendered once at load, with non-personal
 * variables only, and served whenever the personal template cannot be (unknown or opted-out customer, no offers, a
 * variable the template uses is missing, rendering fails or gives blank output). Every value reaches the templates
 * already HTML-escaped, so offer content or customer attributes cannot inject markup. The format is documented in
 * {@code docs/blocks-yaml.md}.
 */
package dev.nbo.serving.content;
