package dev.unmask.faces.analyzer;

import dev.unmask.api.Evidence;
import dev.unmask.api.Finding;
import dev.unmask.faces.Face;
import dev.unmask.faces.signals.FaceSignalChecks;
import dev.unmask.faces.signals.SignalOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The {@code faces.signals} findings: per face, the signal checks of {@code faces.signals} comparing the face region
 * with the rest of the picture (noise level, error level, JPEG compression history and grid). Face-region cues are
 * weak and the faces of one photo share their innocent causes (light, make-up, a phone's face smoothing), so only
 * the single most suspicious face carries evidence, the largest score of its checks; the other findings report their
 * numbers with score 0.
 */
final class SignalFindings {
    private SignalFindings() {}

    /** One finding per face. */
    static List<Finding> of(List<Face> faces, FaceSignalChecks.Report report, FacesSettings s) {
        int carrier = mostSuspicious(report);
        List<Finding> out = new ArrayList<>();
        for (int i = 0; i < faces.size(); i++) {
            List<SignalOutcome> checks = report.perFace().get(i);
            double best = checks.stream().mapToDouble(SignalOutcome::score).max().orElse(0);
            boolean standsOut = best > 0;
            String heads = checks.stream().map(SignalOutcome::headline).collect(Collectors.joining("; "));
            Finding.Builder b = Finding.of("faces.signals", Evidence.MANIPULATED, i == carrier ? best : 0)
                    .title(String.format(Locale.ROOT, "Face %d %s: %s.", i + 1, standsOut
                            ? "stands out from the rest of the picture" : checks.stream().anyMatch(
                                    SignalOutcome::compared) ? "is consistent with the rest of the picture"
                                    : "could not be compared with the rest of the picture", heads))
                    .detail(detail(s, checks, carrier, i))
                    .value("face", i + 1)
                    .value("box", faces.get(i).box().rounded())
                    .value("region", report.regions().get(i).rounded());
            for (SignalOutcome o : checks) {
                b.value(o.signal().id(), o.values());
            }
            out.add(b.build());
        }
        return out;
    }

    /** The face with the highest check score, or -1 when none scores. */
    static int mostSuspicious(FaceSignalChecks.Report report) {
        int best = -1;
        double top = 0;
        for (int i = 0; i < report.perFace().size(); i++) {
            for (SignalOutcome o : report.perFace().get(i)) {
                if (o.score() > top) {
                    top = o.score();
                    best = i;
                }
            }
        }
        return best;
    }

    private static String detail(FacesSettings s, List<SignalOutcome> checks, int carrier, int face) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "Each check reads its statistic per block of"
                + " the full-resolution luma (never resampled) and compares the blocks inside the face box with every"
                + " face-sized window of the background (all blocks outside the face regions: each face box widened"
                + " by %.0f%% of its longer side); z is the face's distance from the windows' median in robust"
                + " standard deviations (1.4826 MAD). noise: the noise analyzer's Haar-subband sigma on 16-px blocks;"
                + " ela: the error level analyzer's re-compression error at quality 90; both divided by the level the"
                + " background's blocks of the same texture show, so ratio 0.5 means half the noise (or error) the"
                + " background has at that texture. jpeg: the jpeg analyzer's per-block log-likelihood of single over"
                + " double compression per informative coefficient (a face pasted before the last save leans to"
                + " single), and the strongest blocking-grid phase off the picture's own 8x8 grid (a face cut from"
                + " another JPEG and pasted at an offset that is not a multiple of 8). A check scores only when |z|"
                + " reaches %.1f and the difference is large (noise or error ratio beyond 1.5x either way, a face"
                + " leaning to single compression by 0.3 nats per coefficient more than the background, an off-grid"
                + " peak 10%% above the mean step), reaching %.2f at |z| %.1f. Innocent"
                + " causes exist: make-up and phone face smoothing (cleaner skin), a face in deep shadow or on a"
                + " screen or print, local retouching; so these cues are capped low, and only the single most"
                + " suspicious face carries evidence (%s).", 100 * s.margin(), s.signalMinZ(), s.signalScoreCap(),
                2 * s.signalMinZ(), carrier < 0 ? "none stands out here" : carrier == face ? "this one"
                        : "face " + (carrier + 1)));
        for (SignalOutcome o : checks) {
            Object skipped = o.values().get("skipped");
            if (skipped != null) {
                sb.append(' ').append(o.signal().id()).append(" not compared: ").append(skipped).append('.');
            }
        }
        return sb.toString();
    }
}
