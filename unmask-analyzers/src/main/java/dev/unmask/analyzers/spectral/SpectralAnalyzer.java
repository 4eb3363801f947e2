package dev.unmask.analyzers.spectral;

import dev.unmask.analyzers.spectral.PeakFinder.Peak;
import dev.unmask.analyzers.spectral.SpectrumEstimator.Spectra;
import dev.unmask.api.Analyzer;
import dev.unmask.api.AnalyzerInfo;
import dev.unmask.api.AnalyzerOptions;
import dev.unmask.api.AnalyzerResult;
import dev.unmask.api.Artifact;
import dev.unmask.api.Evidence;
import dev.unmask.api.Finding;
import dev.unmask.api.Media;
import dev.unmask.api.MediaType;
import dev.unmask.core.imaging.Artifacts;
import dev.unmask.core.imaging.FloatPlane;
import dev.unmask.core.imaging.Planes;
import dev.unmask.core.imaging.Stats;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Frequency-domain traces of generator up-sampling: the azimuthally averaged power spectrum of Durall, Keuper
 * &amp; Keuper ("Watch your up-convolution", CVPR 2020), exposed as the feature vector {@code spectral.azimuthal},
 * and isolated periodic peaks of the kind transposed convolutions and up-sampling layers leave (Frank et al.,
 * "Leveraging frequency analysis for deep fake image recognition", ICML 2020; Zhang, Karaman &amp; Chang,
 * "Detecting and simulating artifacts in GAN fake images", WIFS 2019).
 *
 * <p>Works on at most {@code maxTiles} tiles of the luma at native resolution (never a resized copy, which would
 * destroy or fake the traces), nearest the centre; see {@link TileGrid} and {@link SpectrumEstimator}. Images
 * whose shorter side is below {@link SpectralSettings#MIN_TILE} pixels are not applicable. GIF is not supported:
 * palette dithering adds its own periodic patterns.
 */
public final class SpectralAnalyzer implements Analyzer {
    /** Analyzer id and prefix of finding codes and options. */
    public static final String ID = "spectral";
    /** Feature vector name of the azimuthal spectrum ({@link SpectralSettings#RADIAL_BINS} values, dB re. white). */
    public static final String FEATURE = ID + ".azimuthal";
    /** Below this RMS of the windowed residual (luma levels) the image is treated as flat: no peak search. */
    static final double MIN_RESIDUAL_RMS = 0.5;
    /** Peaks listed in a finding's values. */
    private static final int LISTED_PEAKS = 8;

    private volatile SpectralSettings settings = SpectralSettings.defaults();

    @Override
    public AnalyzerInfo info() {
        return new AnalyzerInfo(ID, "Spectral up-sampling traces", "1.0",
                "Averaged power spectrum of the high-pass luma residual: azimuthal 1-D spectrum (Durall et al., "
                        + "CVPR 2020) and periodic peaks left by up-sampling (Frank et al., ICML 2020; Zhang et al., "
                        + "WIFS 2019).");
    }

    @Override
    public void init(AnalyzerOptions options) {
        settings = SpectralSettings.from(options);
    }

    @Override
    public boolean supports(MediaType type) {
        return type.isImage() && !type.equals(MediaType.GIF);
    }

    @Override
    public AnalyzerResult analyze(Media media) throws Exception {
        SpectralSettings s = settings;
        FloatPlane luma = Planes.luma(media);
        TileGrid grid = TileGrid.plan(luma.width(), luma.height(), s);
        if (grid == null) {
            return AnalyzerResult.notApplicable("spectral analysis needs at least " + SpectralSettings.MIN_TILE
                    + " pixels on the shorter side; this image is " + luma.width() + "x" + luma.height());
        }
        Spectra sp = SpectrumEstimator.estimate(luma, grid);
        int n = sp.n();
        double[] resDb = AzimuthalProfile.toDb(sp.residual());
        double[] perDb = AzimuthalProfile.toDb(sp.periodicity());
        AzimuthalProfile profile = AzimuthalProfile.of(sp.residual(), n, s.tailStart());
        boolean flat = sp.residualRms() < MIN_RESIDUAL_RMS;
        List<Peak> peaks = new ArrayList<>();
        if (!flat) {
            peaks.addAll(PeakFinder.find(resDb, n, s, "residual"));
            peaks.addAll(PeakFinder.find(perDb, n, s, "periodicity"));
            peaks.sort((a, b) -> Double.compare(b.prominenceDb(), a.prominenceDb()));
        }
        boolean jpeg = media.type().equals(MediaType.JPEG);
        PeakTriage triage = PeakTriage.of(peaks, jpeg, s.minProminenceDb());
        boolean discount = triage.gridDiscount();
        List<Peak> counted = triage.counted();
        List<Peak> gridPeaks = triage.discounted();

        String where = String.format(Locale.ROOT, "%d tile%s of %dx%d luma at native resolution", sp.tiles(),
                sp.tiles() == 1 ? "" : "s", n, n);
        List<Finding> findings = new ArrayList<>();
        double score = 0;
        if (!counted.isEmpty()) {
            Peak top = counted.get(0);
            double lo = s.minProminenceDb() / 2;
            score = s.maxScore() * Stats.clamp01((top.prominenceDb() - lo) / (s.strongProminenceDb() - lo));
            findings.add(Finding.of(ID + ".periodic-peaks", Evidence.SYNTHETIC, score)
                    .title(String.format(Locale.ROOT, "%d periodic peak%s in the spectrum, strongest %.1f dB at "
                            + "(%.2f, %.2f) of Nyquist: periodic resampling/up-sampling traces (generator "
                            + "up-sampling or interpolation)", counted.size(), counted.size() == 1 ? "" : "s",
                            top.prominenceDb(), top.fx(), top.fy()))
                    .detail("Isolated peaks rising above the local median of the averaged power spectrum over " + where
                            + ". Generator up-sampling layers (transposed convolutions, upsample+conv) and plain "
                            + "up-scaling with interpolation both leave such peaks at fractions of the sampling rate "
                            + "(1.0 of Nyquist = 2x, 0.5 = 4x); so can strong periodic textures, halftone screens and "
                            + "sensor demosaicing in unresized camera images. Frequencies are signed fractions of "
                            + "Nyquist (0.5 cycles/pixel); prominence is in dB above the 11x11 neighbourhood median. "
                            + (discount ? "JPEG 8x8 grid positions (multiples of 1/8 cycles/pixel) were discounted"
                                    + (jpeg ? " because the file is a JPEG" : " because blocking peaks were seen")
                                    + "; a peak on an even eighth (e.g. exactly at Nyquist) counts only by its excess over "
                                    + "the blocking harmonics (blockingCorrected). " : "")
                            + "The score rises with the strongest prominence and is capped at " + s.maxScore()
                            + ": this is a hand-made detector, not a trained one.")
                    .value("peakCount", counted.size())
                    .value("maxProminenceDb", round(top.prominenceDb()))
                    .value("peaks", describe(counted))
                    .value("jpegGridDiscounted", discount)
                    .build());
        }
        if (!gridPeaks.isEmpty()) {
            findings.add(Finding.info(ID + ".jpeg-grid-peaks")
                    .title(gridPeaks.size() + " spectral peak" + (gridPeaks.size() == 1 ? "" : "s")
                            + " on the JPEG 8x8 block grid, discounted")
                    .detail("Peaks at multiples of 1/8 cycles/pixel (0.25, 0.5, 0.75, 1.0 of Nyquist on each axis) are "
                            + "expected from JPEG block coding" + (jpeg ? " (the file is a JPEG)" : " (blocking peaks at "
                            + "odd eighths show this image was JPEG-compressed before)") + " and are not counted as "
                            + "up-sampling evidence. A 2x or 4x up-sampling peak coincides with this grid; it is only "
                            + "counted when it rises at least the detection threshold above the odd-eighth blocking "
                            + "harmonics, so weak up-sampling traces in JPEG files go undetected.")
                    .value("peakCount", gridPeaks.size())
                    .value("peaks", describe(gridPeaks))
                    .build());
        }
        Finding.Builder prof = Finding.info(ID + ".profile")
                .title(String.format(Locale.ROOT, "Azimuthal spectrum of the high-pass residual: tail slope %.1f dB "
                        + "per Nyquist, %.1f%% of power above %.2f of Nyquist", profile.tailSlopeDbPerNyquist(),
                        100 * profile.tailEnergy(), s.tailStart()))
                .detail("Power spectrum of the luma minus its 3x3 mean, averaged over " + where + " (Hann window, "
                        + "50% overlap, centre tiles first), azimuthally averaged into " + SpectralSettings.RADIAL_BINS
                        + " bins over [0, 1] of Nyquist and expressed in dB relative to a white spectrum of the same "
                        + "power (feature vector '" + FEATURE + "'). Generators often mis-reproduce the highest "
                        + "frequencies (Durall et al. 2020): an unusually flat or rising tail, or a sharp drop, differs "
                        + "from camera images, but the tail also depends on JPEG quality, sharpening and noise, so "
                        + "this is context, not a verdict." + (flat ? " The image is nearly flat (residual RMS "
                        + String.format(Locale.ROOT, "%.2f", sp.residualRms()) + "): no peak search." : ""))
                .value("tailSlopeDbPerNyquist", round(profile.tailSlopeDbPerNyquist()))
                .value("tailEnergy", round(profile.tailEnergy()))
                .value("tileSize", n)
                .value("tiles", sp.tiles())
                .value("residualRms", round(sp.residualRms()));
        if (s.artifacts()) {
            for (Artifact a : pictures(resDb, perDb, profile, n)) {
                prof.artifact(a);
            }
        }
        findings.add(prof.build());

        String head = counted.isEmpty()
                ? String.format(Locale.ROOT, "no periodic up-sampling peaks above %.0f dB", s.minProminenceDb())
                : String.format(Locale.ROOT, "strongest periodic peak %.1f dB at (%.2f, %.2f) of Nyquist, score %.2f",
                        counted.get(0).prominenceDb(), counted.get(0).fx(), counted.get(0).fy(), score);
        String summary = "Spectral analysis of " + where + ": " + head
                + (gridPeaks.isEmpty() ? "" : " (" + gridPeaks.size() + " JPEG-grid peaks discounted)")
                + String.format(Locale.ROOT, "; high-frequency tail slope %.1f dB/Nyquist.", profile.tailSlopeDbPerNyquist());
        return AnalyzerResult.ok(summary, findings, Map.of(FEATURE, profile.db().clone()));
    }

    private static List<Artifact> pictures(double[] resDb, double[] perDb, AzimuthalProfile profile, int n) {
        return List.of(
                Artifacts.png("spectral-residual-2d", "Centred log power spectrum of the high-pass luma residual (DC in "
                        + "the middle, Nyquist at the edges; bright isolated dots away from the centre are periodic "
                        + "peaks).", Artifact.Kind.HEATMAP, SpectrumPictures.spectrum2d(resDb, n)),
                Artifacts.png("spectral-periodicity-2d", "Centred log power spectrum of the luma difference magnitude "
                        + "(re-sampling makes it periodic: bright dots at the edge centres or corners).",
                        Artifact.Kind.HEATMAP, SpectrumPictures.spectrum2d(perDb, n)),
                Artifacts.png("spectral-azimuthal", "Azimuthally averaged power spectrum of the high-pass residual, "
                        + "dB relative to white noise, against spatial frequency as a fraction of Nyquist.",
                        Artifact.Kind.PLOT, SpectrumPictures.profilePlot(profile.db(),
                                "Azimuthal power spectrum of the luma residual")));
    }

    private static List<Object> describe(List<Peak> peaks) {
        List<Object> out = new ArrayList<>();
        for (Peak p : peaks.subList(0, Math.min(LISTED_PEAKS, peaks.size()))) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("fx", round(p.fx()));
            m.put("fy", round(p.fy()));
            m.put("radius", round(p.radius()));
            m.put("prominenceDb", round(p.prominenceDb()));
            m.put("spectrum", p.source());
            if (p.blockingCorrected()) {
                m.put("blockingCorrected", true);
            }
            out.add(m);
        }
        return out;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
