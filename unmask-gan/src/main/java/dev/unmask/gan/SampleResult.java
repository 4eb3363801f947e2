package dev.unmask.gan;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link GanSampler#sample} wrote.
 *
 * @param checkpointStep training step of the checkpoint the generator came from
 * @param runId 48-bit run id derived from the checkpoint (the watermark payload)
 * @param files one entry per written file, in order
 */
public record SampleResult(int checkpointStep, long runId, List<SampledFile> files) {

    /** Copies the list. */
    public SampleResult {
        files = List.copyOf(files);
    }

    /**
     * One written file (PNG, JPEG or GIF) and the labels it carries.
     *
     * @param file the file
     * @param xmp whether the XMP packet (IPTC trainedAlgorithmicMedia, CreatorTool/Software) was embedded (always)
     * @param watermarked whether Unmask's invisible watermark was embedded in the pixels
     * @param signed whether a C2PA manifest (c2pa.created, trainedAlgorithmicMedia) was embedded
     * @param notes one sentence per label that was skipped, saying why (empty when all were applied)
     */
    public record SampledFile(Path file, boolean xmp, boolean watermarked, boolean signed, List<String> notes) {
        /** Copies the notes. */
        public SampledFile {
            notes = List.copyOf(notes);
        }
    }
}
