package dev.unmask.provenance.watermark;

/**
 * OpenCV's {@code COLOR_BGR2YUV} / {@code COLOR_YUV2BGR} conversions, reproduced arithmetically so that a decoder
 * sees the same U plane as the Python {@code invisible-watermark} library (which calls {@code cv2.cvtColor}).
 *
 * <p>8-bit images use OpenCV's 14-bit fixed-point path (coefficients 0.299/0.587/0.114 for Y, 0.492 for
 * U = 0.492 (B - Y) + 128, 0.877 for V, rounding by adding half an LSB and shifting); float images use the same
 * coefficients in single precision with an offset of 0.5 instead of 128 (OpenCV's "half" of a float channel), which
 * matters because SDXL and FLUX pipelines hand the library float arrays in [0, 255].
 */
final class OpenCvYuv {
    private static final int SHIFT = 14;
    private static final int ROUND = 1 << (SHIFT - 1);
    private static final int R2Y = 4899;
    private static final int G2Y = 9617;
    private static final int B2Y = 1868;
    private static final int B2U = 8061;
    private static final int R2V = 14369;
    private static final int U2B = 33292;
    private static final int U2G = -6472;
    private static final int V2G = -9519;
    private static final int V2R = 18678;
    private static final int DELTA_8U = 128;
    private static final int MAX_8U = 255;

    private static final float R2Y_F = 0.299f;
    private static final float G2Y_F = 0.587f;
    private static final float B2Y_F = 0.114f;
    private static final float B2U_F = 0.492f;
    private static final float R2V_F = 0.877f;
    private static final float U2B_F = 2.032f;
    private static final float U2G_F = -0.395f;
    private static final float V2G_F = -0.581f;
    private static final float V2R_F = 1.140f;
    /** OpenCV's chroma offset for float images ({@code ColorChannel<float>::half()}). */
    static final float DELTA_F = 0.5f;

    private OpenCvYuv() {}

    private static int descale(int x) {
        return (x + ROUND) >> SHIFT;
    }

    private static int sat(int v) {
        return Math.max(0, Math.min(MAX_8U, v));
    }

    /** 8-bit Y. */
    static int y8(int b, int g, int r) {
        return sat(descale(b * B2Y + g * G2Y + r * R2Y));
    }

    /** 8-bit U given the already rounded 8-bit Y. */
    static int u8(int b, int y) {
        return sat(descale((b - y) * B2U + (DELTA_8U << SHIFT)));
    }

    /** 8-bit V given the already rounded 8-bit Y. */
    static int v8(int r, int y) {
        return sat(descale((r - y) * R2V + (DELTA_8U << SHIFT)));
    }

    /** 8-bit inverse; returns packed 0xRRGGBB. */
    static int bgr8(int y, int u, int v) {
        int cb = u - DELTA_8U;
        int cr = v - DELTA_8U;
        int b = sat(y + descale(cb * U2B));
        int g = sat(y + descale(cb * U2G + cr * V2G));
        int r = sat(y + descale(cr * V2R));
        return (r << 16) | (g << 8) | b;
    }

    /** Float Y (single precision, OpenCV's order of operations). */
    static float yF(float b, float g, float r) {
        return b * B2Y_F + g * G2Y_F + r * R2Y_F;
    }

    /** Float U. */
    static float uF(float b, float y) {
        return (b - y) * B2U_F + DELTA_F;
    }

    /** Float V. */
    static float vF(float r, float y) {
        return (r - y) * R2V_F + DELTA_F;
    }

    /** Float inverse; returns {b, g, r} unclamped. */
    static float[] bgrF(float y, float u, float v) {
        float cb = u - DELTA_F;
        float cr = v - DELTA_F;
        return new float[] {y + cb * U2B_F, y + cb * U2G_F + cr * V2G_F, y + cr * V2R_F};
    }
}
