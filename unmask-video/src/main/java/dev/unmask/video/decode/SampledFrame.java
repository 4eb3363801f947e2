package dev.unmask.video.decode;

import java.awt.image.BufferedImage;

/**
 * One analysed frame.
 *
 * @param sample position among the analysed frames (0-based)
 * @param frame position among the decoded frames (0-based; in key-frame mode, among the key frames)
 * @param seconds presentation time from the first decoded frame
 * @param keyFrame whether the frame is intra-coded
 * @param image the frame as 8-bit sRGB ({@link BufferedImage#TYPE_INT_RGB}), turned upright and reduced to the
 *     analysis size; owned by the receiver
 */
public record SampledFrame(int sample, long frame, double seconds, boolean keyFrame, BufferedImage image) {}
