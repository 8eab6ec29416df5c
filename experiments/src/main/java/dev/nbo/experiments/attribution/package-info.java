/** Which exposure each open, click and purchase is credited to, and the experiment's customers as report units. */
package dev.nbo.experiments.attribution;
