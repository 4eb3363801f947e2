/** Learned real-vs-fake detectors: data, training, calibration, evaluation, model folders. */
package dev.unmask.detect;
