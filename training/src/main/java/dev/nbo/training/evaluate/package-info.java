/**
 * Evaluation on the time-based holdout: classification metrics of the propensity (AUC, log loss, calibration,
 * gain), and per-customer ranking metrics over each customer's candidate offers for the model and for the baselines a
 * marketer would otherwise use (random, popularity, buy-again, the marketers' rules).
 */
package dev.nbo.training.evaluate;
