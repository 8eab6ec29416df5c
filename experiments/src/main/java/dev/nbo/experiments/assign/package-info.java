/** Which arm a customer falls in: a documented hash of (salt, customer id), overrides and the global holdout. */
package dev.nbo.experiments.assign;
