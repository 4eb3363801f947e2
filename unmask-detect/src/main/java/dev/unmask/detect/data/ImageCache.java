package dev.unmask.detect.data;

import dev.unmask.api.MediaException;
import dev.unmask.core.imaging.Planes;
import dev.unmask.core.media.FormatDetection;
import dev.unmask.core.media.LoadedMedia;
import dev.unmask.core.media.MediaLimits;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Decoded training images kept in memory up to a byte budget (4 bytes per pixel, {@code TYPE_INT_RGB}); images
 * that do not fit are decoded again from their file each time they are used, and checked to still have the bytes
 * (SHA-256) they had when the data were scanned. The first images offered fill the budget; nothing is evicted, so
 * which images are cached does not change during a run. Thread-safe.
 */
public final class ImageCache {
    private final long budgetBytes;
    private final AtomicLong used = new AtomicLong();
    private final Map<String, BufferedImage> images = new ConcurrentHashMap<>();
    private final FormatDetection formats = new FormatDetection();
    private final MediaLimits limits;

    /**
     * @param budgetBytes the most decoded pixel memory to hold (0 = cache nothing)
     * @param limits the guard limits used when a file is decoded again
     */
    public ImageCache(long budgetBytes, MediaLimits limits) {
        if (budgetBytes < 0) {
            throw new IllegalArgumentException("cache budget must be >= 0: " + budgetBytes);
        }
        this.budgetBytes = budgetBytes;
        this.limits = limits;
    }

    /** A quarter of the JVM's maximum heap: the default budget. */
    public static long defaultBudgetBytes() {
        return Runtime.getRuntime().maxMemory() / 4;
    }

    /** Keeps {@code image} (already {@code TYPE_INT_RGB}) for {@code sha256} when it fits the budget. */
    boolean offer(String sha256, BufferedImage image) {
        long bytes = 4L * image.getWidth() * image.getHeight();
        while (true) {
            long u = used.get();
            if (u + bytes > budgetBytes) {
                return false;
            }
            if (used.compareAndSet(u, u + bytes)) {
                images.put(sha256, image);
                return true;
            }
        }
    }

    /**
     * The decoded image of {@code record} ({@code TYPE_INT_RGB}); callers must not modify it.
     *
     * @throws IOException when the file can no longer be read or decoded, or its bytes changed since the scan
     */
    public BufferedImage image(ImageRecord record) throws IOException {
        BufferedImage img = images.get(record.sha256());
        if (img != null) {
            return img;
        }
        try {
            LoadedMedia m = LoadedMedia.read(record.path(), formats, limits);
            if (!m.sha256().equals(record.sha256())) {
                throw new IOException(record.path() + " changed since the data were scanned (SHA-256 differs)");
            }
            return Planes.toRgb(m.image());
        } catch (MediaException e) {
            throw new IOException(record.path() + " can no longer be decoded: " + e.getMessage(), e);
        }
    }

    /** Number of images held in memory. */
    public int cachedImages() {
        return images.size();
    }

    /** Bytes of pixel memory held. */
    public long usedBytes() {
        return used.get();
    }

    /** The budget in bytes. */
    public long budgetBytes() {
        return budgetBytes;
    }
}
