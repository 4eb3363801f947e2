// Rebuilds the manipulated sample images from public-domain sources in testdata/photos.
// Run from the repository root:  jshell samples/make-samples.jsh
// Deterministic: fixed regions, fixed JPEG qualities (JDK encoder), no randomness.
import java.awt.image.BufferedImage;
import java.io.File;
import javax.imageio.*;
import javax.imageio.stream.*;

BufferedImage read(String p) throws Exception {
    BufferedImage i = ImageIO.read(new File(p));
    BufferedImage o = new BufferedImage(i.getWidth(), i.getHeight(), BufferedImage.TYPE_INT_RGB);
    o.getGraphics().drawImage(i, 0, 0, null);
    return o;
}

void jpeg(BufferedImage img, int q, String out) throws Exception {
    ImageWriter w = ImageIO.getImageWritersByFormatName("jpeg").next();
    ImageWriteParam p = w.getDefaultWriteParam();
    p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
    p.setCompressionQuality(q / 100f);
    try (ImageOutputStream s = ImageIO.createImageOutputStream(new File(out))) {
        w.setOutput(s);
        w.write(null, new IIOImage(img, null, null), p);
    }
    w.dispose();
}

BufferedImage roundTrip(BufferedImage img, int q) throws Exception {
    File t = File.createTempFile("unmask", ".jpg");
    jpeg(img, q, t.getPath());
    BufferedImage r = read(t.getPath());
    t.delete();
    return r;
}

// 1. Copy-move: a 110x110 patch of coffee beans copied 230 px to the right, saved once at quality 92.
BufferedImage coffee = read("testdata/photos/coffee.png");
BufferedImage cloned = new BufferedImage(coffee.getWidth(), coffee.getHeight(), BufferedImage.TYPE_INT_RGB);
cloned.getGraphics().drawImage(coffee, 0, 0, null);
cloned.setRGB(330, 250, 110, 110, coffee.getRGB(100, 250, 110, 110, null, 0, 110), 0, 110);
jpeg(cloned, 92, "samples/cloned-coffee.jpg");

// 2. Splice: the astronaut photo, first saved at quality 60 (its "camera" history), with the cat's face
//    from a never-compressed source pasted in, then saved again at quality 90.
BufferedImage astro = roundTrip(read("testdata/photos/astronaut.png"), 60);
BufferedImage cat = read("testdata/photos/chelsea.png");
astro.setRGB(320, 280, 150, 150, cat.getRGB(150, 40, 150, 150, null, 0, 150), 0, 150);
jpeg(astro, 90, "samples/spliced-astronaut.jpg");

// 3. Resampling: the cat photo halved and blown up 2x by pixel repetition, the periodic trace that
//    generator up-sampling layers also leave.
BufferedImage small = new BufferedImage(cat.getWidth() / 2, cat.getHeight() / 2, BufferedImage.TYPE_INT_RGB);
small.getGraphics().drawImage(cat.getScaledInstance(small.getWidth(), small.getHeight(), java.awt.Image.SCALE_AREA_AVERAGING), 0, 0, null);
BufferedImage up = new BufferedImage(small.getWidth() * 2, small.getHeight() * 2, BufferedImage.TYPE_INT_RGB);
for (int y = 0; y < up.getHeight(); y++) for (int x = 0; x < up.getWidth(); x++) up.setRGB(x, y, small.getRGB(x / 2, y / 2));
ImageIO.write(up, "png", new File("samples/upsampled-cat.png"));
/exit
