/**
 * {@code nbo generate}: a seeded synthetic warehouse whose behaviour a model can learn and a rules engine can target.
 *
 * <p>The {@link dev.nbo.features.generate.World} holds the products (40 per category of the offer catalog, hero
 * products first), the cities and regions, the seasons ({@link dev.nbo.features.generate.Seasonality}) and the latent
 * customers ({@link dev.nbo.features.generate.LatentCustomer}: preferences explained by age, place and interests,
 * heavy-tailed activity, email engagement, price sensitivity). A customer's timeline is simulated day by day
 * (shopping missions, carts, purchases, cancellations, email campaigns carrying catalog offers), then realistic dirt
 * is injected ({@link dev.nbo.features.generate.DirtKind}) and the rows are streamed into Parquet files in the
 * warehouse contract, without Spark.
 *
 * <p>Determinism: every value of customer {@code i} comes from random streams seeded by (seed, i), so a seed gives
 * the same tables whatever the thread count. {@code docs/synthetic-world.md} documents the model, its knobs and its
 * scale.
 */
package dev.nbo.features.generate;
