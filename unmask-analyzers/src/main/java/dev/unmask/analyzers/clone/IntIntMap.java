package dev.unmask.analyzers.clone;

import java.util.Arrays;

/** Open-addressing map from non-negative int keys to int values (no boxing in the voting loop). */
final class IntIntMap {
    private static final int EMPTY = -1;
    private int[] keys;
    private int[] vals;
    private int size;

    IntIntMap(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, expected * 2) - 1) << 1;
        keys = new int[cap];
        vals = new int[cap];
        Arrays.fill(keys, EMPTY);
    }

    /** Adds {@code delta} to the value of {@code key} (absent keys start at 0). */
    void add(int key, int delta) {
        int i = slot(keys, key);
        if (keys[i] == EMPTY) {
            keys[i] = key;
            if (++size * 2 > keys.length) {
                vals[i] = delta;
                grow();
                return;
            }
        }
        vals[i] += delta;
    }

    /** Puts {@code value} for {@code key} only if the key is absent. */
    void putIfAbsent(int key, int value) {
        int i = slot(keys, key);
        if (keys[i] == EMPTY) {
            add(key, value);
        }
    }

    /** The value of {@code key}, or {@code def}. */
    int get(int key, int def) {
        int i = slot(keys, key);
        return keys[i] == EMPTY ? def : vals[i];
    }

    /** Calls {@code f} for every entry. */
    void forEach(Entry f) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != EMPTY) {
                f.accept(keys[i], vals[i]);
            }
        }
    }

    /** A key-value callback. */
    interface Entry {
        void accept(int key, int value);
    }

    private static int slot(int[] keys, int key) {
        int mask = keys.length - 1;
        int h = key * 0x9E3779B9;
        int i = (h ^ (h >>> 15)) & mask;
        while (keys[i] != EMPTY && keys[i] != key) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private void grow() {
        int[] ok = keys;
        int[] ov = vals;
        keys = new int[ok.length * 2];
        vals = new int[ok.length * 2];
        Arrays.fill(keys, EMPTY);
        for (int i = 0; i < ok.length; i++) {
            if (ok[i] != EMPTY) {
                int j = slot(keys, ok[i]);
                keys[j] = ok[i];
                vals[j] = ov[i];
            }
        }
    }
}
