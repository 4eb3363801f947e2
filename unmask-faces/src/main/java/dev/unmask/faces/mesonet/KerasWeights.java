package dev.unmask.faces.mesonet;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The weights of a Keras 2 HDF5 file, read with jHDF (pure Java). Keras stores each layer as a group named after
 * the layer ({@code conv2d_5}), listed in the root attribute {@code layer_names}; the group's attribute
 * {@code weight_names} lists its arrays ({@code conv2d_5/kernel:0}, {@code conv2d_5/bias:0}). A whole-model file
 * keeps the same structure under {@code model_weights}.
 *
 * <p>Layers are handed out per kind ({@code conv2d}, {@code batch_normalization}, {@code dense}) in the order of
 * their numeric suffix, which is the order Keras created them in (its per-kind name counter), so an architecture
 * built in the reference code's creation order receives each layer's own weights, whatever counter offset the
 * training session had ({@code conv2d_5..8} in one file, {@code conv2d_1..16} in another). Every array's shape is
 * checked against what the architecture expects.
 */
final class KerasWeights {
    private static final Pattern NAME = Pattern.compile("([a-z_0-9]+?)_(\\d+)");

    /** One layer's arrays, in the order of its {@code weight_names}. */
    record LayerWeights(String name, List<String> weightNames, List<int[]> shapes, List<float[]> arrays) {
        /**
         * The array whose weight name ends in {@code "/" + suffix} (e.g. {@code kernel:0}).
         *
         * @throws IOException when the layer has no such array
         */
        float[] array(String suffix) throws IOException {
            for (int i = 0; i < weightNames.size(); i++) {
                if (weightNames.get(i).endsWith("/" + suffix)) {
                    return arrays.get(i);
                }
            }
            throw new IOException("layer " + name + " has no weight " + suffix + " (has " + weightNames + ")");
        }
    }

    private final String source;
    private final String kerasVersion;
    private final Map<String, Deque<LayerWeights>> byKind = new LinkedHashMap<>();

    private KerasWeights(String source, String kerasVersion) {
        this.source = source;
        this.kerasVersion = kerasVersion;
    }

    /**
     * Reads every layer's weights.
     *
     * @param h5 the file's bytes
     * @param source the file's name, for messages
     * @throws IOException when the bytes are not a Keras weights file
     */
    static KerasWeights read(byte[] h5, String source) throws IOException {
        try (HdfFile file = HdfFile.fromBytes(h5)) {
            Group root = file;
            if (file.getChildren().get("model_weights") instanceof Group g) {
                root = g;
            }
            String[] layerNames = strings(root.getAttribute("layer_names"), source, "layer_names");
            KerasWeights w = new KerasWeights(source, attributeText(file, "keras_version"));
            Map<String, List<LayerWeights>> kinds = new LinkedHashMap<>();
            for (String layer : layerNames) {
                Node node = root.getChild(layer);
                if (!(node instanceof Group g)) {
                    throw new IOException(source + ": layer " + layer + " has no group");
                }
                String[] weightNames = strings(g.getAttribute("weight_names"), source, layer + "/weight_names");
                if (weightNames.length == 0) {
                    continue;
                }
                List<int[]> shapes = new ArrayList<>();
                List<float[]> arrays = new ArrayList<>();
                for (String wn : weightNames) {
                    Dataset d = g.getDatasetByPath(wn);
                    shapes.add(d.getDimensions());
                    arrays.add(toFloats(d.getDataFlat(), source + ":" + layer + "/" + wn));
                }
                kinds.computeIfAbsent(kind(layer), k -> new ArrayList<>())
                        .add(new LayerWeights(layer, List.of(weightNames), shapes, arrays));
            }
            kinds.forEach((k, list) -> {
                list.sort(Comparator.comparingInt(l -> suffix(l.name())));
                w.byKind.put(k, new ArrayDeque<>(list));
            });
            return w;
        } catch (RuntimeException e) {
            throw new IOException(source + " is not a readable Keras HDF5 weights file: " + e.getMessage(), e);
        }
    }

    /** The Keras version that wrote the file, or "" when not recorded. */
    String kerasVersion() {
        return kerasVersion;
    }

    /**
     * The next layer of {@code kind}, checked against the shapes the architecture expects.
     *
     * @throws IOException when the file has no more layers of that kind or the shapes differ (the message names the
     *     layer, the expected and the found shapes)
     */
    LayerWeights next(String kind, List<int[]> expected) throws IOException {
        Deque<LayerWeights> q = byKind.get(kind);
        if (q == null || q.isEmpty()) {
            throw new IOException(source + ": the architecture needs another " + kind + " layer, the file has no more");
        }
        LayerWeights l = q.removeFirst();
        boolean same = l.shapes().size() == expected.size();
        for (int i = 0; same && i < expected.size(); i++) {
            same = Arrays.equals(l.shapes().get(i), expected.get(i));
        }
        if (!same) {
            throw new IOException(source + ": layer " + l.name() + " has weight shapes " + describe(l.shapes())
                    + ", the architecture expects " + describe(expected));
        }
        return l;
    }

    /** @throws IOException when layers with weights were left over (the file holds a larger network) */
    void requireAllUsed() throws IOException {
        List<String> left = new ArrayList<>();
        byKind.values().forEach(q -> q.forEach(l -> left.add(l.name())));
        if (!left.isEmpty()) {
            throw new IOException(source + ": layers not used by the architecture: " + String.join(", ", left));
        }
    }

    static String describe(List<int[]> shapes) {
        StringBuilder sb = new StringBuilder("[");
        for (int[] s : shapes) {
            sb.append(sb.length() > 1 ? ", " : "").append(Arrays.toString(s).replace('[', '(').replace(']', ')'));
        }
        return sb.append(']').toString();
    }

    private static String kind(String layer) {
        Matcher m = NAME.matcher(layer);
        return m.matches() ? m.group(1) : layer;
    }

    private static int suffix(String layer) {
        Matcher m = NAME.matcher(layer);
        return m.matches() ? Integer.parseInt(m.group(2)) : 0;
    }

    private static String[] strings(Attribute a, String source, String what) throws IOException {
        if (a == null) {
            throw new IOException(source + ": attribute " + what + " is missing (not a Keras weights file)");
        }
        Object data = a.isEmpty() ? null : a.getData();
        if (data == null || (data.getClass().isArray() && java.lang.reflect.Array.getLength(data) == 0)) {
            return new String[0]; // Keras writes an empty array for layers without weights
        }
        if (data instanceof String[] s) {
            return s;
        }
        if (data instanceof String s) {
            return new String[] {s};
        }
        throw new IOException(source + ": attribute " + what + " is not a list of names");
    }

    private static String attributeText(Node n, String name) {
        Attribute a = n.getAttribute(name);
        return a != null && a.getData() instanceof String s ? s : "";
    }

    private static float[] toFloats(Object flat, String where) throws IOException {
        if (flat instanceof float[] f) {
            return f;
        }
        if (flat instanceof double[] d) {
            float[] f = new float[d.length];
            for (int i = 0; i < d.length; i++) {
                f[i] = (float) d[i];
            }
            return f;
        }
        throw new IOException(where + " is not a float array");
    }
}
