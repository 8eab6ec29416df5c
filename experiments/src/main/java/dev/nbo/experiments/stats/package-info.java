/**
 * The A/B statistics as small pure functions, each documented with its formula: intervals for a rate (Wilson) and a
 * mean (t), the two-proportion z-test and Welch's t-test with absolute and relative lift, the sample-ratio-mismatch
 * chi-square test, Holm's step-down correction, CUPED, the power and minimum-detectable-effect calculator and the
 * off-policy estimators (IPS, SNIPS). Distributions come from commons-math3. Nothing here knows about arms, tables or
 * files; {@code dev.nbo.experiments.report} puts these pieces together.
 */
package dev.nbo.experiments.stats;
