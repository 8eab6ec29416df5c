/** Spark session settings shared by every job, and progress reporting for long runs. */
package dev.nbo.features.spark;
