package dev.unmask.detect.fusion;

import dev.unmask.core.imaging.Codecs;
import dev.unmask.core.imaging.Scaling;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Builds the labelled validation set the shipped fusion model is fitted on, deterministically, from real photos only
 * (no third-party fakes: those are for measuring). From each real photo it cuts {@value #CROPS} crops of
 * {@value #SIDE}×{@value #SIDE} pixels at native resolution and writes:
 * <ul>
 *   <li>{@code real/}: the crops, as PNG (real content, no new compression);</li>
 *   <li>{@code fake/}: each crop halved and enlarged back ×2 by bilinear, bicubic or nearest-neighbour interpolation in
 *       turn, as PNG: the periodic re-sampling traces of generator up-sampling, a stand-in for generated images;</li>
 *   <li>{@code manipulated/}: in turn, a JPEG splice (the crop compressed at quality 70, a 96×96 block from another
 *       photo's crop pasted on the 8×8 grid, saved at quality 90: a singly compressed region inside a doubly
 *       compressed image, Bianchi &amp; Piva 2012) and a copy-move (a 64×64 block copied 96 px or more away, PNG).</li>
 * </ul>
 */
final class FusionTrainingSet {
    static final int SIDE = 256;
    static final int CROPS = 3;
    private static final Object[] UPSAMPLERS = {RenderingHints.VALUE_INTERPOLATION_BILINEAR, RenderingHints.VALUE_INTERPOLATION_BICUBIC,
        RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR};

    private FusionTrainingSet() {}

    /** Writes the set into {@code out} from the photos; returns the number of crops. */
    static int write(List<Path> photos, Path out, long seed) throws IOException {
        Random rnd = new Random(seed);
        List<BufferedImage> crops = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Path p : photos) {
            BufferedImage img;
            try {
                img = ImageIO.read(p.toFile());
            } catch (IOException e) {
                continue; // truncated.jpg: not a usable photo
            }
            if (img == null) {
                continue;
            }
            img = Scaling.toRgb(img);
            if (img.getWidth() < SIDE || img.getHeight() < SIDE) {
                continue;
            }
            String base = p.getFileName().toString().replaceFirst("\\.[^.]+$", "");
            for (int k = 0; k < CROPS; k++) {
                int x = rnd.nextInt((img.getWidth() - SIDE) / 8 + 1) * 8;
                int y = rnd.nextInt((img.getHeight() - SIDE) / 8 + 1) * 8;
                crops.add(copy(img, x, y, SIDE, SIDE));
                names.add(base + "-" + k);
            }
        }
        for (String d : List.of("real", "fake", "manipulated")) {
            Files.createDirectories(out.resolve(d));
        }
        for (int i = 0; i < crops.size(); i++) {
            BufferedImage c = crops.get(i);
            Files.write(out.resolve("real").resolve(names.get(i) + ".png"), Codecs.png(c));
            BufferedImage half = Scaling.resize(c, SIDE / 2, SIDE / 2, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            Files.write(out.resolve("fake").resolve(names.get(i) + "-up.png"),
                    Codecs.png(Scaling.resize(half, SIDE, SIDE, UPSAMPLERS[i % UPSAMPLERS.length])));
            if (i % 2 == 0) {
                BufferedImage donor = crops.get((i + 1 + rnd.nextInt(crops.size() - 1)) % crops.size());
                Files.write(out.resolve("manipulated").resolve(names.get(i) + "-splice.jpg"), splice(c, donor, rnd));
            } else {
                Files.write(out.resolve("manipulated").resolve(names.get(i) + "-clone.png"), Codecs.png(copyMove(c, rnd)));
            }
        }
        return crops.size();
    }

    static byte[] splice(BufferedImage base, BufferedImage donor, Random rnd) {
        BufferedImage first = Scaling.toRgb(Codecs.decodeTrusted(Codecs.jpeg(base, 70)));
        int b = 96;
        int x = rnd.nextInt((SIDE - b) / 8 + 1) * 8;
        int y = rnd.nextInt((SIDE - b) / 8 + 1) * 8;
        first.setRGB(x, y, b, b, donor.getRGB(x, y, b, b, null, 0, b), 0, b);
        return Codecs.jpeg(first, 90);
    }

    static BufferedImage copyMove(BufferedImage img, Random rnd) {
        BufferedImage out = copy(img, 0, 0, SIDE, SIDE);
        int b = 64;
        int sx = rnd.nextInt(SIDE - b);
        int sy = rnd.nextInt(SIDE - b);
        int tx;
        int ty;
        do {
            tx = rnd.nextInt(SIDE - b);
            ty = rnd.nextInt(SIDE - b);
        } while (Math.hypot(tx - sx, ty - sy) < 96);
        out.setRGB(tx, ty, b, b, img.getRGB(sx, sy, b, b, null, 0, b), 0, b);
        return out;
    }

    private static BufferedImage copy(BufferedImage img, int x, int y, int w, int h) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        out.setRGB(0, 0, w, h, img.getRGB(x, y, w, h, null, 0, w), 0, w);
        return out;
    }
}
