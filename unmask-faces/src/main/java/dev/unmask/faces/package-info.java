/** Face detection, alignment and face-level deepfake analysis. */
package dev.unmask.faces;
