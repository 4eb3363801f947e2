/** Model folders: layout and {@code detector.properties} keys, the model card, and the loaders for kinds npr and spectral. */
package dev.unmask.detect.model;
