/**
 * Reading YAML configuration into validated records: every error names the file, the line, the field and the bad
 * value. Each configuration kind (features, offers, ...) has its own loader built on {@link dev.nbo.models.config.ConfigNode}.
 */
package dev.nbo.models.config;
