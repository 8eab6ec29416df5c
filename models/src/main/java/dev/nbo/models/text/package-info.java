/** Text helpers every module's HTML output shares. */
package dev.nbo.models.text;
