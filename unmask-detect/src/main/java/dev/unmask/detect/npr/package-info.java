/** The NPR detector network (Tan et al., CVPR 2024) and its training on DJL with the PyTorch CPU engine, offline. */
package dev.unmask.detect.npr;
