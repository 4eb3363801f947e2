package dev.unmask.bench;

import dev.unmask.api.AnalyzerOptions;
import dev.unmask.core.imaging.Codecs;
import dev.unmask.core.media.FormatDetection;
import dev.unmask.core.media.LoadedMedia;
import dev.unmask.core.media.MediaLimits;
import dev.unmask.faces.BlazeFaceModel;
import dev.unmask.faces.Face;
import dev.unmask.faces.FaceAligner;
import dev.unmask.faces.FaceBox;
import dev.unmask.faces.FaceDetector;
import dev.unmask.faces.FaceDetectorSettings;
import dev.unmask.faces.analyzer.FacesAnalyzer;
import dev.unmask.faces.mesonet.MesoNet;
import dev.unmask.faces.signals.FaceSignal;
import dev.unmask.faces.signals.FaceSignalChecks;
import dev.unmask.faces.signals.SignalScoring;
import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Face benchmark, run by {@code bench/faces-bench}: BlazeFace milliseconds per image for each model with and
 * without tiles, together with recall and precision on the labelled fixture ({@code testdata/faces}); the whole
 * {@code faces} analyzer per image; and MesoNet (pure Java and ONNX Runtime) on the aligned face crops of the camera photos, whose
 * inputs and outputs it writes for the PyTorch peer ({@code bench/mesonet_torch.py}) to run the same network on the
 * same inputs. All on one thread; each timing is the best of {@code rounds} after a warm-up.
 */
public final class FacesBenchmark {
    private FacesBenchmark() {}

    /**
     * Entry point: {@code testdataDir outDir rounds [mesonet-only [WEIGHTS] | signals-only]}. With {@code mesonet-only},
     * times MesoNet again on the inputs a full run (or {@code VideoBenchmark}) wrote to {@code outDir}, so the scripts
     * can alternate Java and PyTorch runs on a busy machine; {@code WEIGHTS} is a comma-separated list of scorer ids
     * (default all). With {@code signals-only}, only the face-region signal checks ({@link #timeSignals}).
     */
    public static void main(String[] args) throws Exception {
        Path testdata = Path.of(args.length > 0 ? args[0] : "testdata");
        Path out = Path.of(args.length > 1 ? args[1] : "bench/target/faces");
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Files.createDirectories(out);
        if (args.length > 3 && args[3].equals("mesonet-only")) {
            List<MesoNet.Weights> weights = args.length > 4 ? Arrays.stream(args[4].split(",")).map(MesoNet.Weights::byId).toList()
                    : List.of(MesoNet.Weights.values());
            timeMesoNet(readInputs(out.resolve("mesonet-inputs.f32")), rounds, out, "the inputs in " + out, weights);
            return;
        }
        if (args.length > 3 && args[3].equals("signals-only")) {
            timeSignals(cameraPhotos(testdata), rounds);
            return;
        }
        System.out.printf(Locale.ROOT, "Unmask faces benchmark: Java %s, %d cores, one thread, best of %d rounds%n%n",
                Runtime.version(), Runtime.getRuntime().availableProcessors(), rounds);
        Map<String, List<FaceBox>> labels = readLabels(testdata.resolve("faces/camera-jpeg-faces.csv"));
        Map<String, BufferedImage> images = new LinkedHashMap<>();
        for (String f : labels.keySet()) {
            images.put(f, Codecs.decodeTrusted(Files.readAllBytes(testdata.resolve(f))));
        }
        System.out.println("BlazeFace on the " + images.size() + " labelled images (24 faces; 6 photos of 1920 px,"
                + " 6 of 300-1000 px):");
        System.out.println("| model | tiles | ms/image | recall | precision |");
        System.out.println("|---|---|---|---|---|");
        for (BlazeFaceModel m : BlazeFaceModel.values()) {
            for (boolean tiles : new boolean[] {true, false}) {
                FaceDetectorSettings s = FaceDetectorSettings.DEFAULTS.withModel(m).withTiling(tiles);
                try (FaceDetector d = FaceDetector.open(s)) {
                    int[] tpFpFn = new int[3];
                    for (var e : images.entrySet()) {
                        int[] r = match(labels.get(e.getKey()), d.detect(e.getValue()));
                        for (int i = 0; i < 3; i++) {
                            tpFpFn[i] += r[i];
                        }
                    }
                    double best = Double.MAX_VALUE;
                    for (int r = 0; r < rounds; r++) {
                        long t0 = System.nanoTime();
                        for (BufferedImage img : images.values()) {
                            d.detect(img);
                        }
                        best = Math.min(best, (System.nanoTime() - t0) / 1e6 / images.size());
                    }
                    System.out.printf(Locale.ROOT, "| %s%s | %s | %.1f | %.3f | %.3f |%n", m,
                            s.equals(FaceDetectorSettings.DEFAULTS) ? " (default)" : "", tiles ? "yes" : "no", best,
                            tpFpFn[0] / (double) (tpFpFn[0] + tpFpFn[2]),
                            tpFpFn[0] / (double) Math.max(1, tpFpFn[0] + tpFpFn[1]));
                }
            }
        }

        List<Path> photos = cameraPhotos(testdata);
        try (FacesAnalyzer a = new FacesAnalyzer()) {
            a.init(AnalyzerOptions.defaults(FacesAnalyzer.ID));
            FormatDetection formats = new FormatDetection();
            double best = Double.MAX_VALUE;
            for (int r = 0; r <= rounds; r++) { // round 0 warms up
                long t0 = System.nanoTime();
                for (Path p : photos) {
                    a.analyze(LoadedMedia.read(p, formats, MediaLimits.DEFAULT));
                }
                double ms = (System.nanoTime() - t0) / 1e6 / photos.size();
                best = r == 0 ? best : Math.min(best, ms);
            }
            System.out.printf(Locale.ROOT, "%nfaces analyzer end to end (decode, detection, crops, Meso-4 and"
                    + " MesoInception-4 on every face) on the 6 camera photos: %.0f ms/image%n", best);
        }
        timeSignals(photos, rounds);

        List<float[]> inputs = new ArrayList<>();
        try (FaceDetector d = FaceDetector.open()) {
            for (Path p : photos) {
                BufferedImage img = Codecs.decodeTrusted(Files.readAllBytes(p));
                for (Face f : d.detect(img)) {
                    inputs.add(MesoNet.toInput(FaceAligner.crop(img, f, 256, FaceAligner.DEFAULT_MARGIN)));
                }
            }
        }
        writeInputs(inputs, out.resolve("mesonet-inputs.f32"));
        timeMesoNet(inputs, rounds, out, "aligned face crops of the camera photos", List.of(MesoNet.Weights.values()));
    }

    /** Writes MesoNet inputs (256 x 256 x 3 each) as little-endian float32, the format {@code mesonet_torch.py} reads. */
    static void writeInputs(List<float[]> inputs, Path file) throws Exception {
        try (OutputStream os = Files.newOutputStream(file);
             DataOutputStream o = new DataOutputStream(new BufferedOutputStream(os))) {
            for (float[] x : inputs) {
                for (float v : x) {
                    o.writeInt(Integer.reverseBytes(Float.floatToIntBits(v))); // little-endian float32
                }
            }
        }
    }

    private static List<Path> cameraPhotos(Path testdata) {
        List<Path> photos = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            photos.add(testdata.resolve("camera-jpeg/sample" + i + ".jpg"));
        }
        return photos;
    }

    /**
     * The cost of the face-region signal checks ({@code faces.signals}): the analyzer without MesoNet, with the
     * default checks and, as the peer in the same run, with {@code signals=none}, alternated round by round so a
     * change of load affects both; then each check alone on the detected faces (decoding and detection excluded).
     */
    static void timeSignals(List<Path> photos, int rounds) throws Exception {
        FormatDetection formats = new FormatDetection();
        double[] best = {Double.MAX_VALUE, Double.MAX_VALUE};
        try (FacesAnalyzer off = new FacesAnalyzer(); FacesAnalyzer on = new FacesAnalyzer()) {
            off.init(new AnalyzerOptions(FacesAnalyzer.ID, Map.of("scorers", "none", "signals", "none")));
            on.init(new AnalyzerOptions(FacesAnalyzer.ID, Map.of("scorers", "none")));
            for (int r = 0; r <= rounds; r++) { // round 0 warms up
                FacesAnalyzer[] order = {off, on};
                for (int k = 0; k < 2; k++) {
                    long t0 = System.nanoTime();
                    for (Path p : photos) {
                        order[k].analyze(LoadedMedia.read(p, formats, MediaLimits.DEFAULT));
                    }
                    double ms = (System.nanoTime() - t0) / 1e6 / photos.size();
                    best[k] = r == 0 ? best[k] : Math.min(best[k], ms);
                }
            }
        }
        System.out.printf(Locale.ROOT, "%nfaces analyzer without MesoNet on the %d camera photos: signals=none %.0f"
                + " ms/image, default signals (%s) %.0f ms/image, ratio %.2f%n", photos.size(), best[0],
                FaceSignal.known(), best[1], best[1] / best[0]);
        List<LoadedMedia> media = new ArrayList<>();
        List<List<FaceBox>> boxes = new ArrayList<>();
        try (FaceDetector d = FaceDetector.open()) {
            for (Path p : photos) {
                LoadedMedia m = LoadedMedia.read(p, formats, MediaLimits.DEFAULT);
                media.add(m);
                boxes.add(d.detect(m.image()).stream().map(Face::box).toList());
            }
        }
        SignalScoring scoring = new SignalScoring(5, 0.3);
        for (FaceSignal s : FaceSignal.values()) {
            double b = Double.MAX_VALUE;
            for (int r = 0; r <= rounds; r++) {
                long t0 = System.nanoTime();
                for (int i = 0; i < media.size(); i++) {
                    FaceSignalChecks.run(media.get(i), boxes.get(i), List.of(s), FaceAligner.DEFAULT_MARGIN, scoring);
                }
                double ms = (System.nanoTime() - t0) / 1e6 / media.size();
                b = r == 0 ? b : Math.min(b, ms);
            }
            System.out.printf(Locale.ROOT, "  %s check alone: %.0f ms/image%n", s.id(), b);
        }
    }

    private static List<float[]> readInputs(Path file) throws Exception {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(Files.readAllBytes(file))
                .order(java.nio.ByteOrder.LITTLE_ENDIAN);
        int n = 256 * 256 * 3;
        List<float[]> inputs = new ArrayList<>();
        while (b.remaining() >= 4 * n) {
            float[] x = new float[n];
            b.asFloatBuffer().get(x);
            b.position(b.position() + 4 * n);
            inputs.add(x);
        }
        return inputs;
    }

    /**
     * Times each of {@code weights} on the inputs with both MesoNet backends (the pure-Java layers and ONNX Runtime),
     * one thread, best of {@code rounds} after a warm-up, and writes {@code mesonet-java.json} (best times and logits
     * of each backend: {@code images_per_s}/{@code logits} for pure Java, {@code onnx_images_per_s}/{@code onnx_logits}
     * for ONNX Runtime) for the comparison with PyTorch.
     */
    static void timeMesoNet(List<float[]> inputs, int rounds, Path out, String what, List<MesoNet.Weights> weights)
            throws Exception {
        StringBuilder json = new StringBuilder("{\"count\": " + inputs.size() + ", \"models\": {");
        System.out.printf(Locale.ROOT, "%nMesoNet (pure Java and ONNX Runtime, one thread) on %d %s:%n", inputs.size(),
                what);
        String sep = "";
        for (MesoNet.Weights w : weights) {
            String file = w.resource().substring(w.resource().lastIndexOf('/') + 1).replace(".h5", "");
            json.append(sep).append('"').append(file).append("\": {");
            String fieldSep = "";
            for (MesoNet.Backend b : List.of(MesoNet.Backend.JAVA, MesoNet.Backend.ONNX_RUNTIME)) {
                String prefix = b == MesoNet.Backend.JAVA ? "" : "onnx_";
                try (MesoNet net = MesoNet.load(w, b)) {
                    List<Double> logits = new ArrayList<>();
                    for (float[] x : inputs) {
                        logits.add(net.logit(x)); // also the warm-up
                    }
                    double best = Double.MAX_VALUE;
                    for (int r = 0; r < rounds; r++) {
                        long t0 = System.nanoTime();
                        for (float[] x : inputs) {
                            net.logit(x);
                        }
                        best = Math.min(best, (System.nanoTime() - t0) / 1e9);
                    }
                    System.out.printf(Locale.ROOT, "  %-18s %-5s %.1f images/s%n", file, b.id(), inputs.size() / best);
                    json.append(fieldSep).append('"').append(prefix).append("seconds\": ").append(best)
                            .append(", \"").append(prefix).append("images_per_s\": ").append(inputs.size() / best)
                            .append(", \"").append(prefix).append("logits\": ").append(logits);
                    fieldSep = ", ";
                }
            }
            json.append('}');
            sep = ", ";
        }
        Files.writeString(out.resolve("mesonet-java.json"), json.append("}}\n"), StandardCharsets.UTF_8);
    }

    private static Map<String, List<FaceBox>> readLabels(Path csv) throws Exception {
        Map<String, List<FaceBox>> out = new LinkedHashMap<>();
        for (String line : Files.readAllLines(csv, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#") || line.startsWith("file,")) {
                continue;
            }
            String[] f = line.split(",", -1);
            List<FaceBox> boxes = out.computeIfAbsent(f[0], k -> new ArrayList<>());
            if (!f[1].isEmpty()) {
                boxes.add(new FaceBox(Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3]),
                        Double.parseDouble(f[4])));
            }
        }
        return out;
    }

    /** True positives, false positives, false negatives at IoU 0.5 (greedy, best match first). */
    private static int[] match(List<FaceBox> truth, List<Face> found) {
        boolean[] used = new boolean[truth.size()];
        int tp = 0;
        for (Face f : found) {
            int best = -1;
            double bestIou = 0.5;
            for (int i = 0; i < truth.size(); i++) {
                double iou = truth.get(i).iou(f.box());
                if (!used[i] && iou >= bestIou) {
                    best = i;
                    bestIou = iou;
                }
            }
            if (best >= 0) {
                used[best] = true;
                tp++;
            }
        }
        return new int[] {tp, found.size() - tp, truth.size() - tp};
    }
}
