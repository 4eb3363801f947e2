package dev.unmask.video.faces;

import dev.unmask.faces.Face;
import dev.unmask.faces.FaceAligner;
import dev.unmask.faces.FaceDetector;
import dev.unmask.faces.FaceDetectorSettings;
import dev.unmask.faces.FaceScorer;
import dev.unmask.faces.Landmark;
import dev.unmask.faces.mesonet.MesoNet;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The video analyzer's default face models, from {@code unmask-faces}: BlazeFace finds the faces of each sampled frame
 * (the faces analyzer's default settings: the 256x256 model, tiles on frames whose shorter side is at least 1024 px),
 * and each face, aligned on its eye line with the MesoNet margin, is scored by MesoNet Meso-4 and MesoInception-4
 * (Afchar et al., WIFS 2018; the Deepfake weights). The face's probability is the mean of the two networks: on the
 * development face crops each alone has false alarms on real faces, and their errors are only partly shared. MesoNet
 * is a weak, dated cue, so a video's face evidence should be read with the contact sheet and the timeline.
 */
public final class BlazeFaceMesoNetModels implements FaceModelProvider {
    /** The provider id for {@code video.faces}. */
    public static final String ID = "blazeface-mesonet";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public int priority() {
        return 100;
    }

    @Override
    public Optional<FrameFaceSource> openFaceSource() {
        FaceDetector detector = FaceDetector.open(FaceDetectorSettings.DEFAULTS);
        return Optional.of(new FrameFaceSource() {
            @Override
            public String name() {
                return "BlazeFace (" + detector.settings().model() + ")";
            }

            @Override
            public List<FaceBox> find(BufferedImage frame) {
                List<FaceBox> out = new ArrayList<>();
                for (Face f : detector.detect(frame)) {
                    double[] lm = new double[f.keypoints().size() * 2];
                    for (int i = 0; i < f.keypoints().size(); i++) {
                        lm[2 * i] = f.keypoints().get(i).x();
                        lm[2 * i + 1] = f.keypoints().get(i).y();
                    }
                    out.add(new FaceBox(f.box().x(), f.box().y(), f.box().width(), f.box().height(),
                            Math.max(0, Math.min(1, f.score())), lm));
                }
                return out;
            }

            @Override
            public void close() {
                detector.close();
            }
        });
    }

    @Override
    public Optional<FaceScore> openFaceScore() {
        List<FaceScorer> scorers = List.of(MesoNet.load(MesoNet.Weights.MESO4_DF), MesoNet.load(MesoNet.Weights.MESO_INCEPTION_DF));
        return Optional.of(new FaceScore() {
            @Override
            public String name() {
                return "MesoNet Meso-4 + MesoInception-4 (Deepfake weights, mean)";
            }

            @Override
            public FaceAssessment assess(BufferedImage frame, FaceBox face) {
                BufferedImage crop = crop(frame, face, scorers.get(0));
                double sum = 0;
                for (FaceScorer s : scorers) {
                    sum += s.probabilityFake(crop);
                }
                return FaceAssessment.of(sum / scorers.size());
            }

            @Override
            public void close() {
                scorers.forEach(FaceScorer::close);
            }
        });
    }

    /** The aligned crop when the box carries BlazeFace's six keypoints, else a square crop around the box. */
    static BufferedImage crop(BufferedImage frame, FaceBox box, FaceScorer scorer) {
        double[] lm = box.landmarks();
        if (lm.length == Landmark.values().length * 2) {
            List<Face.Point> pts = new ArrayList<>();
            for (int i = 0; i < lm.length; i += 2) {
                pts.add(new Face.Point(lm[i], lm[i + 1]));
            }
            Face f = new Face(new dev.unmask.faces.FaceBox(box.x(), box.y(), box.width(), box.height()), box.confidence(), pts);
            return FaceAligner.crop(frame, f, scorer.inputSize(), scorer.preferredMargin());
        }
        return FaceCrops.square(frame, box, scorer.preferredMargin(), scorer.inputSize());
    }
}
