/**
 * The pure-Java incremental feature aggregator: serving feeds it events one by one and reads features of any entity
 * as of now; the Spark pipeline's online snapshot seeds it with daily buckets ({@link dev.nbo.models.aggregate.StateRow}).
 */
package dev.nbo.models.aggregate;
