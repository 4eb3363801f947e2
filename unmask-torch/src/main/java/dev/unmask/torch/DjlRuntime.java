package dev.unmask.torch;

import ai.djl.engine.Engine;
import java.nio.file.Path;

/**
 * Prepares DJL to run fully offline before its engine loads: the PyTorch native library comes from the
 * {@code pytorch-native-cpu} jar on the class path and is unpacked into a cache folder Unmask owns, DJL is told it is
 * offline (no download of native libraries or model-zoo metadata) and its usage tracking is switched off. Settings
 * already given by the user (system property or environment variable) win.
 */
public final class DjlRuntime {
    /** Engine name used for training. */
    public static final String ENGINE = "PyTorch";

    private DjlRuntime() {
    }

    /** The default cache folder: {@code ~/.unmask/djl}. */
    public static Path defaultCacheDir() {
        return Path.of(System.getProperty("user.home"), ".unmask", "djl");
    }

    /**
     * Sets the offline properties (once per JVM; later calls cannot change an engine already loaded) and returns
     * the PyTorch engine with its random seed set.
     */
    public static synchronized Engine engine(long seed) {
        prepare(defaultCacheDir());
        Engine e = Engine.getEngine(ENGINE);
        e.setRandomSeed((int) (seed ^ (seed >>> 32)));
        return e;
    }

    /** The PyTorch engine, prepared offline as {@link #prepare} does, without touching its random seed. */
    public static synchronized Engine engine() {
        prepare(defaultCacheDir());
        return Engine.getEngine(ENGINE);
    }

    /** Sets DJL's offline, tracking and cache settings unless already set. */
    public static synchronized void prepare(Path cacheDir) {
        setIfAbsent("ai.djl.offline", "true");
        setIfAbsent("OPT_OUT_TRACKING", "true");
        setIfAbsent("disableProgressBar", "true");
        // DJL logs through SLF4J; without a provider on the class path SLF4J prints three warnings to stderr
        setIfAbsent("slf4j.internal.verbosity", "ERROR");
        setIfAbsent("ai.djl.default_engine", ENGINE);
        setIfAbsent("DJL_CACHE_DIR", cacheDir.toAbsolutePath().toString());
        setIfAbsent("ENGINE_CACHE_DIR", System.getProperty("DJL_CACHE_DIR"));
    }

    /**
     * Sets the number of threads PyTorch uses inside one operation (and one inter-op thread). Takes effect only
     * before the engine first loads in this JVM. On a machine shared with other busy processes fewer threads can be
     * much faster: OpenMP threads that wait for each other spin while the cores are taken (measured: a training step
     * 7-9 times slower with 2 threads than with 1 on 2 cores at load 12).
     */
    public static synchronized void threads(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + n);
        }
        System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(n));
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
    }

    private static void setIfAbsent(String key, String value) {
        String env = System.getenv(key);
        if (System.getProperty(key) == null) {
            System.setProperty(key, env != null && !env.isBlank() ? env : value);
        }
    }
}
