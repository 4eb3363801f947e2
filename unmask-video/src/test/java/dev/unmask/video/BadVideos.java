package dev.unmask.video;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.ShortBuffer;
import java.util.Arrays;
import java.util.Random;
import org.bytedeco.javacv.FFmpegFrameRecorder;

/** Damaged and hostile videos, made in the test from good ones written by {@link SyntheticVideos}. */
public final class BadVideos {
    private BadVideos() {}

    /** {@code good} with {@code count} bytes in the middle replaced by seeded random bytes. */
    public static byte[] corruptMiddle(byte[] good, int count, long seed) {
        byte[] b = good.clone();
        byte[] junk = new byte[count];
        new Random(seed).nextBytes(junk);
        System.arraycopy(junk, 0, b, b.length / 2 - count / 2, count);
        return b;
    }

    /** The first {@code fraction} of {@code good}. */
    public static byte[] truncated(byte[] good, double fraction) {
        return Arrays.copyOf(good, (int) (good.length * fraction));
    }

    /** An AVI whose main header ({@code avih}) and video format ({@code strf}) declare {@code w} x {@code h} pixels. */
    public static byte[] aviDeclaring(byte[] avi, int w, int h) {
        byte[] b = avi.clone();
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        int avih = indexOf(b, "avih", 0) + 8;
        bb.putInt(avih + 32, w).putInt(avih + 36, h);
        int strf = indexOf(b, "strf", 0) + 8;
        bb.putInt(strf + 4, w).putInt(strf + 8, h);
        return b;
    }

    /** An AVI whose video stream names the codec {@code fourcc}, which no decoder knows. */
    public static byte[] aviWithFourcc(byte[] avi, String fourcc) {
        byte[] b = avi.clone();
        byte[] tag = fourcc.getBytes(StandardCharsets.US_ASCII);
        int strh = indexOf(b, "strh", 0) + 8;
        System.arraycopy(tag, 0, b, strh + 4, 4);
        int strf = indexOf(b, "strf", 0) + 8;
        System.arraycopy(tag, 0, b, strf + 16, 4);
        return b;
    }

    /** An MP4 whose visual sample entry ({@code avc1}/{@code mp4v}) and track header declare {@code w} x {@code h}. */
    public static byte[] mp4Declaring(byte[] mp4, String sampleEntry, int w, int h) {
        byte[] b = mp4.clone();
        ByteBuffer bb = ByteBuffer.wrap(b);
        int entry = indexOf(b, sampleEntry, indexOf(b, "stsd", 0)) - 4; // box start: size precedes the type
        bb.putShort(entry + 32, (short) w).putShort(entry + 34, (short) h);
        int tkhd = indexOf(b, "tkhd", 0) - 4;
        bb.putInt(tkhd + 84, w << 16).putInt(tkhd + 88, h << 16);
        return b;
    }

    /** An audio-only file (AAC in MP4, or PCM in WAV for {@code format = "wav"}), one second of a tone. */
    public static Path audioOnly(Path file, String format) throws Exception {
        try (FFmpegFrameRecorder r = new FFmpegFrameRecorder(file.toFile(), 0, 0, 1)) {
            r.setFormat(format);
            r.setAudioCodecName("wav".equals(format) ? "pcm_s16le" : "aac");
            r.setSampleRate(48_000);
            r.setAudioChannels(1);
            r.start();
            ShortBuffer pcm = ShortBuffer.allocate(48_000);
            for (int k = 0; k < 48_000; k++) {
                pcm.put((short) (3000 * Math.sin(k * 0.05)));
            }
            pcm.flip();
            r.recordSamples(48_000, 1, pcm);
            r.stop();
        }
        return file;
    }

    /** An AVI whose every video frame ({@code 00dc} chunk after {@code movi}) is zeroed: nothing decodes. */
    public static byte[] aviFramesZeroed(byte[] avi) {
        byte[] b = avi.clone();
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        int pos = indexOf(b, "movi", 0) + 4;
        while (pos + 8 <= b.length && !new String(b, pos, 4, StandardCharsets.US_ASCII).equals("idx1")) {
            int size = bb.getInt(pos + 4);
            if (new String(b, pos, 4, StandardCharsets.US_ASCII).equals("00dc")) {
                Arrays.fill(b, pos + 8, Math.min(b.length, pos + 8 + size), (byte) 0);
            }
            pos += 8 + size + (size & 1);
        }
        return b;
    }

    /** A container written with a video stream and not a single frame. */
    public static Path zeroFrames(Path file, String format, int codec) throws Exception {
        try (FFmpegFrameRecorder r = new FFmpegFrameRecorder(file.toFile(), 160, 120, 0)) {
            r.setFormat(format);
            r.setVideoCodec(codec);
            r.setFrameRate(25);
            r.start();
            r.stop();
        }
        return file;
    }

    /** Position of the first occurrence of the ASCII {@code tag} at or after {@code from}. */
    public static int indexOf(byte[] b, String tag, int from) {
        byte[] t = tag.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = from; i + t.length <= b.length; i++) {
            for (int j = 0; j < t.length; j++) {
                if (b[i + j] != t[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalArgumentException("no '" + tag + "' in the file");
    }

    /** Writes bytes to {@code dir/name}. */
    public static Path save(Path dir, String name, byte[] bytes) throws Exception {
        return Files.write(dir.resolve(name), bytes);
    }
}
