/** Training pairs (customer x candidate offer x as-of date) with point-in-time features, labels and sampling. */
package dev.nbo.features.pairs;
