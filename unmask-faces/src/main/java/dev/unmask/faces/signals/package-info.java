/**
 * Signal checks on face regions: each face compared with face-sized windows of the rest of the picture in the noise,
 * error level and JPEG statistics of the signal analyzers, at native resolution ({@link
 * dev.unmask.faces.signals.FaceSignalChecks}).
 */
package dev.unmask.faces.signals;
