/**
 * The propensity model: a Tribuo XGBoost binary classifier of "the customer converts on the offer within the
 * horizon", trained on encoded training pairs weighted by their sampling weight, so that its probabilities stay
 * calibrated to the unsampled population.
 */
package dev.nbo.training.propensity;
