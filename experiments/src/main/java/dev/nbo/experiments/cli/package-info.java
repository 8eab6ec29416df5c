/**
 * The {@code report} command line: {@code report} analyses a table of units into report.json, report.csv and
 * report.html; {@code report power} answers sample-size and minimum-detectable-effect questions. Bad input exits with
 * status 2 and a message naming the flag, file, line or column.
 */
package dev.nbo.experiments.cli;
