/** Typed ids that reject empty or malformed values at construction, so a bad id never travels further than its source. */
package dev.nbo.models.id;
