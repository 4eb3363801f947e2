package dev.unmask.analyzers.spectral;

import dev.unmask.analyzers.spectral.PeakFinder.Peak;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Separates spectral peaks explained by JPEG 8x8 block coding from those that count as up-sampling evidence.
 *
 * <p>Blocking puts peaks at every multiple of 1/8 cycles/pixel on both axes (0.25, 0.5, 0.75 and 1.0 of Nyquist).
 * Grid positions are discounted when the file is a JPEG, or when a peak at an <em>odd</em> eighth (1/8 or 3/8
 * cycles/pixel, which 2x and 4x up-sampling do not produce) shows earlier JPEG compression. Odd-eighth peaks are
 * then always discounted. An even-eighth peak (where 2x and 4x up-sampling peaks fall, e.g. exactly at Nyquist) is
 * kept only if it exceeds the strongest odd-eighth blocking harmonic of the same spectrum (or the detection
 * threshold when none was found) by the detection threshold; its prominence is then reported as that excess.
 * Blocking harmonics of a camera JPEG have similar heights, so they stay discounted, while a transposed-convolution
 * peak tens of dB above them survives re-compression.
 *
 * @param counted peaks that count as up-sampling evidence, strongest first
 * @param discounted grid peaks explained by JPEG blocking, strongest first
 * @param gridDiscount whether the grid was discounted at all
 * @param jpegFile whether the file itself is a JPEG
 */
record PeakTriage(List<Peak> counted, List<Peak> discounted, boolean gridDiscount, boolean jpegFile) {
    /** Sorts {@code peaks} (from both spectra) into counted and discounted. */
    static PeakTriage of(List<Peak> peaks, boolean jpegFile, double minProminenceDb) {
        boolean gridSeen = peaks.stream().anyMatch(p -> p.jpegGrid() && oddEighth(p));
        boolean discount = jpegFile || gridSeen;
        List<Peak> counted = new ArrayList<>();
        List<Peak> discounted = new ArrayList<>();
        for (Peak p : peaks) {
            if (!discount || !p.jpegGrid()) {
                counted.add(p);
            } else if (oddEighth(p)) {
                discounted.add(p);
            } else {
                double ref = peaks.stream().filter(q -> q.jpegGrid() && oddEighth(q) && q.source().equals(p.source()))
                        .mapToDouble(Peak::prominenceDb).max().orElse(minProminenceDb);
                double excess = p.prominenceDb() - ref;
                if (excess >= minProminenceDb) {
                    counted.add(new Peak(p.fx(), p.fy(), excess, p.z(), true, p.source(), true));
                } else {
                    discounted.add(p);
                }
            }
        }
        Comparator<Peak> strongest = Comparator.comparingDouble(Peak::prominenceDb).reversed();
        counted.sort(strongest);
        discounted.sort(strongest);
        return new PeakTriage(List.copyOf(counted), List.copyOf(discounted), discount, jpegFile);
    }

    /** Whether a peak lies at an odd multiple of 1/8 cycles/pixel on some axis (blocking, not 2x/4x). */
    static boolean oddEighth(Peak p) {
        return oddEighth(p.fx()) || oddEighth(p.fy());
    }

    private static boolean oddEighth(double fNyquist) {
        return Math.round(Math.abs(fNyquist) * 4) % 2 == 1; // 1/8 cycles/pixel = 0.25 of Nyquist
    }
}
