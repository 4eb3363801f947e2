package dev.unmask.provenance.watermark;

/** CRC-16/CCITT-FALSE (polynomial 0x1021, initial value 0xFFFF, no reflection, no final XOR). */
final class Crc16 {
    private static final int POLY = 0x1021;
    private static final int INIT = 0xFFFF;
    private static final int MASK = 0xFFFF;
    private static final int TOP = 0x8000;

    private Crc16() {}

    /** CRC of the {@code nBytes} low-order bytes of {@code value}, most significant first. */
    static int of(long value, int nBytes) {
        int crc = INIT;
        for (int i = nBytes - 1; i >= 0; i--) {
            crc ^= (int) ((value >>> (Byte.SIZE * i)) & 0xFF) << Byte.SIZE;
            for (int b = 0; b < Byte.SIZE; b++) {
                crc = (crc & TOP) != 0 ? ((crc << 1) ^ POLY) & MASK : (crc << 1) & MASK;
            }
        }
        return crc;
    }
}
