/**
 * The online snapshot format shared by the feature pipeline (writer) and serving (reader): profiles, daily
 * aggregation state per customer and offer, and product categories, as gzipped JSON lines.
 */
package dev.nbo.models.online;
