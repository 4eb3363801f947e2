/** The spectral detector (Durall et al., CVPR 2020): azimuthal power spectrum features and logistic regression, pure Java. */
package dev.unmask.detect.spectral;
