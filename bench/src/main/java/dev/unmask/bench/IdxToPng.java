package dev.unmask.bench;

import java.awt.image.BufferedImage;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import javax.imageio.ImageIO;

/**
 * Converts an IDX image file (the MNIST / Fashion-MNIST format: big-endian magic 0x00000803, count, rows, columns,
 * then unsigned bytes; optionally gzip-compressed) into one grayscale PNG per image, so that
 * {@code unmask gan train --data} can read it. With a labels file (magic 0x00000801) the images go into one
 * sub-folder per label. Runs as a single source file: {@code java IdxToPng.java IMAGES OUT [LABELS] [LIMIT]}.
 */
public final class IdxToPng {
    private IdxToPng() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: IdxToPng IMAGES.idx[.gz] OUT_DIR [LABELS.idx[.gz]] [LIMIT]");
            System.exit(2);
        }
        Path out = Files.createDirectories(Path.of(args[1]));
        int limit = args.length > 3 ? Integer.parseInt(args[3]) : Integer.MAX_VALUE;
        try (DataInputStream img = open(Path.of(args[0]));
                DataInputStream lab = args.length > 2 && !args[2].isEmpty() ? open(Path.of(args[2])) : null) {
            if (img.readInt() != 0x803) {
                throw new IOException(args[0] + " is not an IDX image file (magic 0x00000803 expected)");
            }
            int count = img.readInt();
            int rows = img.readInt();
            int cols = img.readInt();
            if (count < 0 || rows <= 0 || cols <= 0 || rows > 4096 || cols > 4096) {
                throw new IOException(args[0] + ": implausible header " + count + " x " + rows + " x " + cols);
            }
            if (lab != null && (lab.readInt() != 0x801 || lab.readInt() != count)) {
                throw new IOException(args[2] + " is not an IDX label file for " + count + " images");
            }
            int n = Math.min(count, limit);
            byte[] px = new byte[rows * cols];
            for (int i = 0; i < n; i++) {
                img.readFully(px);
                BufferedImage b = new BufferedImage(cols, rows, BufferedImage.TYPE_BYTE_GRAY);
                b.getRaster().setDataElements(0, 0, cols, rows, px);
                Path dir = lab == null ? out : Files.createDirectories(out.resolve("label-" + lab.readUnsignedByte()));
                ImageIO.write(b, "png", dir.resolve(String.format("img-%05d.png", i)).toFile());
            }
            System.out.println("wrote " + n + " PNGs (" + cols + "x" + rows + ") under " + out);
        }
    }

    private static DataInputStream open(Path f) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(f), 1 << 16);
        return new DataInputStream(f.toString().endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in);
    }
}
