/**
 * The input of training: a features run ({@code run.json}) and its training pairs, read with Spark into memory, and
 * the time-based split into training and holdout dates.
 */
package dev.nbo.training.data;
