/** The training loop: epochs of seeded batches, validation, checkpoints and resume, the training report. */
package dev.unmask.detect.train;
