/** DJL/PyTorch set-up shared by the GAN studio and the learned detectors: offline engine, checkpointable Adam. */
package dev.unmask.torch;
