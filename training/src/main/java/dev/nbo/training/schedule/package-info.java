/** Cron schedules for {@code ./nbo retrain --schedule}: standard five-field UNIX cron expressions, in UTC. */
package dev.nbo.training.schedule;
