/**
 * Importers that turn public retail data sets into a warehouse ({@link dev.nbo.features.warehouse.WarehouseTable}):
 * today the UCI Online Retail exports (releases I and II, Parquet or CSV), run by
 * {@code ./nbo import online-retail}. {@link dev.nbo.features.importer.OnlineRetailImporter} runs the steps;
 * {@code LineRules} decides, in a documented order, which lines become order lines and why the others are dropped;
 * {@link dev.nbo.features.importer.CategoryKeywords} gives products a category from their description, since the data
 * set has none; {@code CategoryOffers} makes one offer per category, since it has no offers either. The rules and
 * the figures measured on the real file are in {@code docs/online-retail-import.md}.
 */
package dev.nbo.features.importer;
