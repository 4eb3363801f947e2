package dev.unmask.gan;

import dev.unmask.api.MediaType;
import dev.unmask.core.Version;
import dev.unmask.provenance.sign.Action;
import dev.unmask.provenance.sign.C2paSigner;
import dev.unmask.provenance.sign.SigningException;
import dev.unmask.provenance.watermark.UnmaskWatermark;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Writes one generated image as a labelled PNG, in the only order that keeps every label intact: (1) Unmask's
 * invisible watermark into the pixels (it changes them), (2) PNG encoding plus the XMP iTXt chunk, (3) the C2PA
 * manifest last, since its data hash binds the final bytes (C2PA 2.2 section 18.5).
 */
final class SampleLabeller {
    /** Claim generator and XMP software name. */
    static final String SOFTWARE = "Unmask";

    private final SampleLabels labels;
    private final long runId;
    private final String software;

    SampleLabeller(SampleLabels labels, long runId) {
        this.labels = labels;
        this.runId = runId;
        this.software = SOFTWARE + " " + Version.get();
    }

    /** Labels {@code img} and writes it to {@code file}. */
    SampleResult.SampledFile write(BufferedImage img, Path file) throws IOException {
        List<String> notes = new ArrayList<>();
        BufferedImage pixels = img;
        boolean watermarked = false;
        if (img.getWidth() >= UnmaskWatermark.MIN_SIDE && img.getHeight() >= UnmaskWatermark.MIN_SIDE) {
            pixels = UnmaskWatermark.embed(img, runId, labels.watermarkKey());
            watermarked = true;
        } else {
            notes.add("watermark skipped: image smaller than " + UnmaskWatermark.MIN_SIDE + " px ("
                    + img.getWidth() + "x" + img.getHeight() + ")");
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        if (!ImageIO.write(pixels, "png", png)) {
            throw new IOException("no PNG writer");
        }
        byte[] bytes = PngXmp.insert(png.toByteArray(), PngXmp.packet(software));
        boolean signed = false;
        if (labels.signs()) {
            try {
                bytes = C2paSigner.builder().credentials(labels.credentials()).algorithm(labels.algorithm())
                        .claimGenerator(SOFTWARE, Version.get())
                        .action(Action.created(Action.SOURCE_TRAINED_ALGORITHMIC))
                        .title(file.getFileName().toString()).build().sign(bytes, MediaType.PNG);
            } catch (SigningException e) {
                throw new IOException("C2PA signing of " + file + " failed: " + e.getMessage(), e);
            }
            signed = true;
        } else {
            notes.add("not signed: no credentials");
        }
        Files.write(file, bytes);
        return new SampleResult.SampledFile(file, true, watermarked, signed, notes);
    }
}
