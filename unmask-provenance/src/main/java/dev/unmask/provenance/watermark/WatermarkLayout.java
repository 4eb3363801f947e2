package dev.unmask.provenance.watermark;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.SplittableRandom;

/**
 * The keyed layout of Unmask's watermark on its {@value UnmaskWatermark#GRID}x{@value UnmaskWatermark#GRID} luma
 * grid: which payload bit each 8x8 block carries (a keyed shuffle giving every bit the same number of blocks
 * spread over the whole frame), the pseudo-random +-1 chip of every carrier coefficient, and a 64-bit mask XORed
 * onto the codeword so that an all-zero or all-one read never passes the CRC.
 */
final class WatermarkLayout {
    /** Carrier coefficients: the 18 DCT positions with 2 <= u + v <= 5 (low-to-mid frequencies). */
    static final int[] COEFFS = carriers();
    private static final int MIN_FREQ = 2;
    private static final int MAX_FREQ = 5;
    private static final String DOMAIN = "unmask-watermark-v1";
    private static final int SEED_BYTES = 8;

    final int blocksPerSide;
    final int[] blockBit;
    final byte[][] chips;
    final long mask;

    WatermarkLayout(byte[] key, int blocksPerSide, int bits) {
        this.blocksPerSide = blocksPerSide;
        int nBlocks = blocksPerSide * blocksPerSide;
        SplittableRandom rnd = new SplittableRandom(seed(key));
        blockBit = new int[nBlocks];
        for (int i = 0; i < nBlocks; i++) {
            blockBit[i] = i % bits;
        }
        for (int i = nBlocks - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = blockBit[i];
            blockBit[i] = blockBit[j];
            blockBit[j] = t;
        }
        chips = new byte[nBlocks][COEFFS.length];
        for (int b = 0; b < nBlocks; b++) {
            for (int k = 0; k < COEFFS.length; k++) {
                chips[b][k] = (byte) (rnd.nextBoolean() ? 1 : -1);
            }
        }
        mask = rnd.nextLong();
    }

    private static long seed(byte[] key) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(DOMAIN.getBytes(StandardCharsets.US_ASCII));
            md.update(key);
            byte[] d = md.digest();
            long s = 0;
            for (int i = 0; i < SEED_BYTES; i++) {
                s = (s << Byte.SIZE) | (d[i] & 0xFF);
            }
            return s;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }

    private static int[] carriers() {
        int n = 0;
        int[] tmp = new int[Dct8.N * Dct8.N];
        for (int s = MIN_FREQ; s <= MAX_FREQ; s++) {
            for (int v = 0; v <= s; v++) {
                int u = s - v;
                if (u < Dct8.N && v < Dct8.N) {
                    tmp[n++] = v * Dct8.N + u;
                }
            }
        }
        return java.util.Arrays.copyOf(tmp, n);
    }
}
