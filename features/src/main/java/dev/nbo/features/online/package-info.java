/** The online snapshot writer: per-customer and per-offer aggregation state for serving's bulk load. */
package dev.nbo.features.online;
