package dev.unmask.provenance.c2pa;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A bounded decoder for the CBOR (RFC 8949) used by C2PA claims and assertions (C2PA 2.2 section 6.3). Every
 * declared length is checked against the bytes that remain, nesting is limited, and the total number of items is
 * limited, so a hostile "CBOR bomb" fails quickly instead of allocating. Values decode to plain Java objects:
 * {@link Map} (insertion ordered, keys as decoded), {@link List}, {@code byte[]}, {@link String}, {@link Long}
 * (or {@link java.math.BigInteger} for unsigned values above {@code Long.MAX_VALUE}), {@link Double},
 * {@link Boolean}, {@code null}, {@link Tagged} and {@link Simple}.
 */
public final class CborReader {
    private static final int MAJOR_SHIFT = 5;
    private static final int INFO_MASK = 0x1f;
    private static final int INFO_ONE_BYTE = 24;
    private static final int INFO_TWO_BYTES = 25;
    private static final int INFO_FOUR_BYTES = 26;
    private static final int INFO_EIGHT_BYTES = 27;
    private static final int INFO_INDEFINITE = 31;
    private static final int SIMPLE_FALSE = 20;
    private static final int SIMPLE_TRUE = 21;
    private static final int SIMPLE_NULL = 22;
    private static final int SIMPLE_UNDEFINED = 23;
    private static final int BREAK = 0xff;

    /** A tagged CBOR item (major type 6). */
    public record Tagged(long tag, Object value) {}

    /** A CBOR simple value other than false/true/null. */
    public record Simple(int value) {}

    /** Thrown for malformed or over-limit CBOR; never escapes the public C2PA API. */
    public static final class CborException extends Exception {
        private static final long serialVersionUID = 1L;

        CborException(String message) {
            super(message);
        }
    }

    private final byte[] data;
    private final int end;
    private final int maxDepth;
    private final int maxItems;
    private int pos;
    private int items;

    private CborReader(byte[] data, int offset, int length, int maxDepth, int maxItems) {
        this.data = data;
        this.pos = offset;
        this.end = offset + length;
        this.maxDepth = maxDepth;
        this.maxItems = maxItems;
    }

    /**
     * Decodes exactly one CBOR item filling {@code data[offset, offset+length)}.
     *
     * @throws CborException if malformed, trailing bytes remain, or a limit is exceeded
     */
    public static Object decode(byte[] data, int offset, int length, int maxDepth, int maxItems) throws CborException {
        if (offset < 0 || length < 0 || offset > data.length - length) {
            throw new CborException("range outside the buffer");
        }
        CborReader r = new CborReader(data, offset, length, maxDepth, maxItems);
        Object v = r.item(0);
        if (r.pos != r.end) {
            throw new CborException("trailing bytes after the CBOR item");
        }
        return v;
    }

    /** Decodes a whole array. */
    public static Object decode(byte[] data, int maxDepth, int maxItems) throws CborException {
        return decode(data, 0, data.length, maxDepth, maxItems);
    }

    private int u8() throws CborException {
        if (pos >= end) {
            throw new CborException("truncated CBOR");
        }
        return data[pos++] & 0xff;
    }

    private long argument(int info) throws CborException {
        if (info < INFO_ONE_BYTE) {
            return info;
        }
        int n = switch (info) {
            case INFO_ONE_BYTE -> 1;
            case INFO_TWO_BYTES -> 2;
            case INFO_FOUR_BYTES -> 4;
            case INFO_EIGHT_BYTES -> 8;
            default -> throw new CborException("reserved additional information " + info);
        };
        long v = 0;
        for (int i = 0; i < n; i++) {
            v = (v << Byte.SIZE) | u8();
        }
        return v;
    }

    private int boundedLength(long declared, int minBytesEach) throws CborException {
        long remaining = end - pos;
        if (declared < 0 || declared > remaining / Math.max(1, minBytesEach)) {
            throw new CborException("declared length " + Long.toUnsignedString(declared) + " exceeds the remaining " + remaining + " bytes");
        }
        return (int) declared;
    }

    private void count() throws CborException {
        if (++items > maxItems) {
            throw new CborException("more than " + maxItems + " CBOR items");
        }
    }

    private Object item(int depth) throws CborException {
        if (depth > maxDepth) {
            throw new CborException("CBOR nesting deeper than " + maxDepth);
        }
        count();
        int initial = u8();
        int major = initial >>> MAJOR_SHIFT;
        int info = initial & INFO_MASK;
        if (info == INFO_INDEFINITE) {
            return indefinite(major, depth);
        }
        long arg = argument(info);
        switch (major) {
            case 0:
                return arg >= 0 ? (Object) arg : new java.math.BigInteger(Long.toUnsignedString(arg));
            case 1:
                return arg >= 0 ? (Object) (-1 - arg) : new java.math.BigInteger(Long.toUnsignedString(arg)).negate().subtract(java.math.BigInteger.ONE);
            case 2:
                return bytes(boundedLength(arg, 1));
            case 3:
                return text(bytes(boundedLength(arg, 1)));
            case 4: {
                int n = boundedLength(arg, 1);
                List<Object> list = new ArrayList<>(Math.min(n, maxItems));
                for (int i = 0; i < n; i++) {
                    list.add(item(depth + 1));
                }
                return list;
            }
            case 5: {
                int n = boundedLength(arg, 2);
                Map<Object, Object> map = new LinkedHashMap<>();
                for (int i = 0; i < n; i++) {
                    Object k = item(depth + 1);
                    map.put(key(k), item(depth + 1));
                }
                return map;
            }
            case 6:
                return new Tagged(arg, item(depth + 1));
            default:
                return simple(info, arg);
        }
    }

    private static Object key(Object k) {
        return k instanceof byte[] b ? java.util.HexFormat.of().formatHex(b) : k;
    }

    private Object simple(int info, long arg) throws CborException {
        return switch (info) {
            case SIMPLE_FALSE -> Boolean.FALSE;
            case SIMPLE_TRUE -> Boolean.TRUE;
            case SIMPLE_NULL, SIMPLE_UNDEFINED -> null;
            case INFO_TWO_BYTES -> (double) Float.float16ToFloat((short) arg);
            case INFO_FOUR_BYTES -> (double) Float.intBitsToFloat((int) arg);
            case INFO_EIGHT_BYTES -> Double.longBitsToDouble(arg);
            default -> new Simple((int) arg);
        };
    }

    private Object indefinite(int major, int depth) throws CborException {
        switch (major) {
            case 2:
            case 3: {
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                while (peekNotBreak()) {
                    count();
                    int h = u8();
                    if (h >>> MAJOR_SHIFT != major || (h & INFO_MASK) == INFO_INDEFINITE) {
                        throw new CborException("bad chunk in indefinite string");
                    }
                    out.writeBytes(bytes(boundedLength(argument(h & INFO_MASK), 1)));
                }
                byte[] all = out.toByteArray();
                return major == 2 ? all : text(all);
            }
            case 4: {
                List<Object> list = new ArrayList<>();
                while (peekNotBreak()) {
                    list.add(item(depth + 1));
                }
                return list;
            }
            case 5: {
                Map<Object, Object> map = new LinkedHashMap<>();
                while (peekNotBreak()) {
                    Object k = item(depth + 1);
                    map.put(key(k), item(depth + 1));
                }
                return map;
            }
            default:
                throw new CborException("indefinite length not allowed for major type " + major);
        }
    }

    private boolean peekNotBreak() throws CborException {
        if (pos >= end) {
            throw new CborException("truncated indefinite-length item");
        }
        if ((data[pos] & 0xff) == BREAK) {
            pos++;
            return false;
        }
        return true;
    }

    private byte[] bytes(int n) {
        byte[] b = java.util.Arrays.copyOfRange(data, pos, pos + n);
        pos += n;
        return b;
    }

    private static String text(byte[] b) throws CborException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            throw new CborException("invalid UTF-8 in text string");
        }
    }
}
