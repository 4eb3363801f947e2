/** From raw scores to probabilities (Platt, isotonic) and the decision threshold for a target false-positive rate. */
package dev.unmask.detect.calibrate;
