/** Benchmarks run by {@code ./nbo bench}: measured phases with rows, seconds, rows per second and peak heap. */
package dev.nbo.features.bench;
