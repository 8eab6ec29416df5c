/**
 * The warehouse: its tables and their schema ({@link dev.nbo.features.warehouse.WarehouseTable}), and reading them
 * from any Hadoop-compatible path.
 */
package dev.nbo.features.warehouse;
