/** {@code ./nbo serve} and the serving benchmarks: the command lines that run on serving's lean classpath. */
package dev.nbo.serving.cli;
