/** ONNX Runtime sessions and bring-your-own ONNX detectors. */
package dev.unmask.onnx;
