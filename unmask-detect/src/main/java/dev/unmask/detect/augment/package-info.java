/** Seeded training augmentations (down-scaling, blur, JPEG, flips, noise) against the robustness complaints about detectors. */
package dev.unmask.detect.augment;
