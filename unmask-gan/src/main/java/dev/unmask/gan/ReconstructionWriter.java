package dev.unmask.gan;

import dev.unmask.core.Version;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Writes auto-encoder reconstructions as PNG files labelled with XMP (IPTC digitalSourceType trainedAlgorithmicMedia,
 * Software Unmask). They carry no pixel watermark on purpose: they are training data for detectors, and a watermark
 * present only in the fake class would be a shortcut a detector learns instead of the up-sampling traces.
 */
public final class ReconstructionWriter {
    private ReconstructionWriter() {
    }

    /** Writes {@code img} to {@code file} as a PNG with the XMP label. */
    public static void write(BufferedImage img, Path file) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        if (!ImageIO.write(img, "png", png)) {
            throw new IOException("no PNG writer");
        }
        Files.write(file, PngXmp.insert(png.toByteArray(), PngXmp.packet(SampleLabeller.SOFTWARE + " " + Version.get())));
    }
}
