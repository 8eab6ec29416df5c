/**
 * The {@code ./nbo} command line: the training commands ({@code train}, {@code retrain}, {@code bench training},
 * {@code demo}) plus the feature commands of the features module, under one {@link dev.nbo.training.cli.NboCli}.
 */
package dev.nbo.training.cli;
