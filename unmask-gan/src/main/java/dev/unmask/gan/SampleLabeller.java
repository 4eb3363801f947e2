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
import java.util.Iterator;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Writes one generated image as a labelled PNG or JPEG, in the only order that keeps every label intact: (1)
 * Unmask's invisible watermark into the pixels (it changes them), (2) encoding plus the XMP packet (PNG iTXt chunk,
 * JPEG APP1 segment), (3) the C2PA manifest last, since its data hash binds the final bytes (C2PA 2.2 section
 * 18.5). The watermark survives JPEG compression down to quality 50 (see the provenance module's watermark
 * benchmark).
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

    /** The XMP packet every output carries. */
    String xmpPacket() {
        return PngXmp.packet(software);
    }

    /** Labels {@code img} and writes it to {@code file} as PNG. */
    SampleResult.SampledFile write(BufferedImage img, Path file) throws IOException {
        return write(img, file, SampleEncoding.png());
    }

    /** Enlarges {@code img} as {@code encoding} says, labels it and writes it to {@code file}. */
    SampleResult.SampledFile write(BufferedImage img, Path file, SampleEncoding encoding) throws IOException {
        List<String> notes = new ArrayList<>();
        BufferedImage pixels = GanImages.enlarge(img, encoding.scale());
        boolean watermarked = false;
        if (pixels.getWidth() >= UnmaskWatermark.MIN_SIDE && pixels.getHeight() >= UnmaskWatermark.MIN_SIDE) {
            pixels = UnmaskWatermark.embed(pixels, runId, labels.watermarkKey());
            watermarked = true;
        } else {
            notes.add("watermark skipped: image smaller than " + UnmaskWatermark.MIN_SIDE + " px ("
                    + pixels.getWidth() + "x" + pixels.getHeight() + ")");
        }
        byte[] bytes;
        MediaType type;
        if (encoding.format() == SampleEncoding.Format.JPEG) {
            bytes = JpegXmp.insert(jpeg(pixels, encoding.jpegQuality()), xmpPacket());
            type = MediaType.JPEG;
        } else {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            if (!ImageIO.write(pixels, "png", png)) {
                throw new IOException("no PNG writer");
            }
            bytes = PngXmp.insert(png.toByteArray(), xmpPacket());
            type = MediaType.PNG;
        }
        boolean signed = false;
        if (labels.signs()) {
            try {
                bytes = C2paSigner.builder().credentials(labels.credentials()).algorithm(labels.algorithm())
                        .claimGenerator(SOFTWARE, Version.get())
                        .action(Action.created(Action.SOURCE_TRAINED_ALGORITHMIC))
                        .title(file.getFileName().toString()).build().sign(bytes, type);
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

    /** Baseline JPEG at {@code quality} (1..100) with ImageIO's encoder. */
    static byte[] jpeg(BufferedImage img, int quality) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        if (!writers.hasNext()) {
            throw new IOException("no JPEG writer");
        }
        ImageWriter w = writers.next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            ImageWriteParam p = w.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(quality / 100f);
            w.setOutput(ios);
            w.write(null, new IIOImage(img, null, null), p);
        } finally {
            w.dispose();
        }
        return out.toByteArray();
    }
}
