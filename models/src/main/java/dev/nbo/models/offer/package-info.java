/**
 * The offer catalog ({@code offers.yaml}): what may be shown, where and when, with its content, and the rule that
 * links events and purchases to offers.
 */
package dev.nbo.models.offer;
