/**
 * The marketers' rules ({@code rules.yaml}): an ordered decision list whose conditions are CEL expressions over a
 * customer's features, checked and compiled at load ({@link dev.nbo.models.rules.RuleSet#load}) and evaluated per
 * customer ({@link dev.nbo.models.rules.RuleSet#evaluate}). It lives in the shared contract because training scores
 * it as the baseline and serving applies it at send time, and both must give the same answer. Missing values are CEL
 * unknowns: a condition that needs one does not match. The format is documented in {@code docs/rules-yaml.md}.
 */
package dev.nbo.models.rules;
