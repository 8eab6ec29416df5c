/** experiments.yaml: experiments per block, their arms, the global holdout and the attribution window. */
package dev.nbo.experiments.config;
