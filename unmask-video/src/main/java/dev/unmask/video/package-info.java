/** Video scanning: container metadata, frame sampling, face tracks, temporal aggregation. */
package dev.unmask.video;
