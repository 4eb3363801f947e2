/**
 * Learned real-vs-fake detectors: data ({@code data}), augmentation ({@code augment}), the two architectures
 * trained from scratch ({@code npr}: Tan et al., CVPR 2024, on DJL/PyTorch; {@code spectral}: Durall et al.,
 * CVPR 2020, pure Java), the training loop ({@code train}), calibration ({@code calibrate}), model folders and
 * their {@link dev.unmask.api.detector.DetectorLoader}s ({@code model}) and the {@code unmask detector} command
 * ({@code cli}).
 */
package dev.unmask.detect;
