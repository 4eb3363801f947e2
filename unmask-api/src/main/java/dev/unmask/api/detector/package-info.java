/**
 * Learned real-vs-fake detectors as model folders, independent of the engine that runs them.
 *
 * <p>A <em>detector model</em> is a folder holding {@value dev.unmask.api.detector.DetectorDescriptor#FILE_NAME}
 * (a {@link java.util.Properties} file: what it is, which {@link dev.unmask.api.detector.DetectorLoader} runs it,
 * its input and its decision threshold), the weights, any calibration, and a human-readable {@code MODEL_CARD.md}.
 * Engines (PyTorch through DJL, ONNX Runtime, pure Java) contribute a {@link dev.unmask.api.detector.DetectorLoader}
 * through {@link java.util.ServiceLoader}; {@link dev.unmask.api.detector.Detectors#open} finds the one named by
 * the descriptor's {@code kind}. Adding an engine never edits a central switch.
 */
package dev.unmask.api.detector;
