#!/usr/bin/python3
"""Writes the two tiny ONNX models that OnnxFeatureSpaceTest feeds to ONNX Runtime (no weights to speak of).

Run from this folder with Debian's python3-onnx 1.12 (`/usr/bin/python3 make_tiny_feature_models.py`); the output
is deterministic, so re-running it reproduces the committed files byte for byte.

  channel-means-nchw.onnx  input "images" float [N, 3, 299, 299] -> output "features" [N, 3]:
                           the mean of each channel (ReduceMean over H and W).
  pool3-like-nhwc.onnx     input "input" float [N, 299, 299, 3] -> outputs "logits" [N, 4] (channel means and
                           their sum) and "pool_3" [N, 2048, 1, 1] (channel means, zero-padded to 2048 values),
                           so that Unmask must pick the 2048-value output among two, as with a real Inception-v3.
"""
import onnx
from onnx import TensorProto, helper

OPSET = [helper.make_opsetid("", 13)]


def channel_means_nchw():
    x = helper.make_tensor_value_info("images", TensorProto.FLOAT, ["N", 3, 299, 299])
    y = helper.make_tensor_value_info("features", TensorProto.FLOAT, ["N", 3])
    node = helper.make_node("ReduceMean", ["images"], ["features"], axes=[2, 3], keepdims=0)
    graph = helper.make_graph([node], "channel_means_nchw", [x], [y])
    return helper.make_model(graph, opset_imports=OPSET, producer_name="unmask-test")


def pool3_like_nhwc():
    x = helper.make_tensor_value_info("input", TensorProto.FLOAT, ["N", 299, 299, 3])
    logits = helper.make_tensor_value_info("logits", TensorProto.FLOAT, ["N", 4])
    pool = helper.make_tensor_value_info("pool_3", TensorProto.FLOAT, ["N", 2048, 1, 1])
    pads = helper.make_tensor("pads", TensorProto.INT64, [4], [0, 0, 0, 2045])
    shape = helper.make_tensor("shape", TensorProto.INT64, [4], [-1, 2048, 1, 1])
    axis1 = helper.make_tensor("axis1", TensorProto.INT64, [1], [1])
    nodes = [
        helper.make_node("ReduceMean", ["input"], ["means"], axes=[1, 2], keepdims=0),
        helper.make_node("ReduceSum", ["means", "axis1"], ["total"], keepdims=1),
        helper.make_node("Concat", ["means", "total"], ["logits"], axis=1),
        helper.make_node("Pad", ["means", "pads"], ["padded"], mode="constant"),
        helper.make_node("Reshape", ["padded", "shape"], ["pool_3"]),
    ]
    graph = helper.make_graph(nodes, "pool3_like_nhwc", [x], [logits, pool], initializer=[pads, shape, axis1])
    return helper.make_model(graph, opset_imports=OPSET, producer_name="unmask-test")


for name, model in [("channel-means-nchw.onnx", channel_means_nchw()), ("pool3-like-nhwc.onnx", pool3_like_nhwc())]:
    onnx.checker.check_model(model)
    onnx.save(model, name)
    print("wrote", name)
