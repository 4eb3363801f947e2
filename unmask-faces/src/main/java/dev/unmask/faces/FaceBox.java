package dev.unmask.faces;

import java.util.List;

/**
 * An axis-aligned box in image pixel coordinates (x to the right, y down, origin at the top-left corner of the
 * top-left pixel).
 *
 * @param x left edge
 * @param y top edge
 * @param width width, at least 0
 * @param height height, at least 0
 */
public record FaceBox(double x, double y, double width, double height) {
    /** Validates the components. */
    public FaceBox {
        if (!(Double.isFinite(x) && Double.isFinite(y) && width >= 0 && height >= 0
                && Double.isFinite(width) && Double.isFinite(height))) {
            throw new IllegalArgumentException("invalid box " + x + ", " + y + ", " + width + ", " + height);
        }
    }

    /** The box with the given centre and size. */
    public static FaceBox ofCenter(double cx, double cy, double width, double height) {
        return new FaceBox(cx - width / 2, cy - height / 2, Math.max(0, width), Math.max(0, height));
    }

    /** Right edge. */
    public double right() {
        return x + width;
    }

    /** Bottom edge. */
    public double bottom() {
        return y + height;
    }

    /** Horizontal centre. */
    public double centerX() {
        return x + width / 2;
    }

    /** Vertical centre. */
    public double centerY() {
        return y + height / 2;
    }

    /** Area in square pixels. */
    public double area() {
        return width * height;
    }

    /** Intersection over union with {@code o}, in [0, 1]; 0 when either box is empty. */
    public double iou(FaceBox o) {
        double iw = Math.min(right(), o.right()) - Math.max(x, o.x);
        double ih = Math.min(bottom(), o.bottom()) - Math.max(y, o.y);
        if (iw <= 0 || ih <= 0) {
            return 0;
        }
        double inter = iw * ih;
        double union = area() + o.area() - inter;
        return union <= 0 ? 0 : inter / union;
    }

    /** The box as {@code [x, y, width, height]} rounded to whole pixels, for findings. */
    public List<Long> rounded() {
        return List.of(Math.round(x), Math.round(y), Math.round(width), Math.round(height));
    }
}
