/**
 * {@code ./nbo simulate-experiment}: a simulated e-mail service provider for the demo's A/B experiment. It rebuilds
 * the generator's {@link dev.nbo.features.generate.World} from a warehouse's {@code generation.json}, asks a running
 * server for each customer's offers, draws opens, clicks and purchases from the customers' true behaviour
 * ({@link dev.nbo.training.simulate.OutcomeModel}) and posts them as events, so that the experiment's report measures
 * effects that are known to exist. {@code docs/experiments-demo.md} states the assumptions.
 */
package dev.nbo.training.simulate;
