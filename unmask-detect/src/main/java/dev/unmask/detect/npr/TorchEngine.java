package dev.unmask.detect.npr;

import ai.djl.engine.Engine;
import java.nio.file.Path;

/**
 * The PyTorch engine of DJL, prepared to run fully offline before it loads: the native library comes from the
 * {@code pytorch-native-cpu} jar on the class path and is unpacked into a cache folder Unmask owns
 * ({@code ~/.unmask/djl}, shared with the GAN studio), DJL is told it is offline and its usage tracking is off.
 * Settings the user already gave (system property or environment variable) win; intra-op threads can be set with
 * {@code -Dai.djl.pytorch.num_threads=N}.
 */
public final class TorchEngine {
    /** DJL's name of the engine. */
    public static final String NAME = "PyTorch";

    private TorchEngine() {
    }

    /** The engine (loaded on the first call). */
    public static synchronized Engine get() {
        setIfAbsent("ai.djl.offline", "true");
        setIfAbsent("OPT_OUT_TRACKING", "true");
        setIfAbsent("disableProgressBar", "true");
        setIfAbsent("ai.djl.default_engine", NAME);
        setIfAbsent("DJL_CACHE_DIR", Path.of(System.getProperty("user.home"), ".unmask", "djl").toAbsolutePath().toString());
        setIfAbsent("ENGINE_CACHE_DIR", System.getProperty("DJL_CACHE_DIR"));
        return Engine.getEngine(NAME);
    }

    private static void setIfAbsent(String key, String value) {
        String env = System.getenv(key);
        if (System.getProperty(key) == null) {
            System.setProperty(key, env != null && !env.isBlank() ? env : value);
        }
    }
}
