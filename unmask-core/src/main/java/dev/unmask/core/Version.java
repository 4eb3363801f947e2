package dev.unmask.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Unmask's version, from the build. */
public final class Version {
    private static final String VERSION = load();

    private Version() {}

    /** The version string, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String get() {
        return VERSION;
    }

    private static String load() {
        Properties p = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return p.getProperty("version", "unknown");
    }
}
