package dev.unmask.detect.analyzer;

import dev.unmask.api.detector.DetectorDescriptor;
import dev.unmask.api.detector.InstalledModels;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Finds the detector model shipped with Unmask, the one used when no model is named. Looked up, first match wins:
 * <ol>
 *   <li>the system property {@value #PROPERTY}: a model folder, or {@code none} for "no default" (tests, and users
 *       who want no learned detector);</li>
 *   <li>{@value #FOLDER} under the install root: the system property {@code unmask.home}, else the folders above
 *       the jar (or classes folder) this class was loaded from;</li>
 *   <li>the class-path resource folder {@value #RESOURCE}: used in place when it is a folder on disk; when it is
 *       inside a jar, its files are copied once to a folder in the temporary directory named by the jar's size
 *       and modification time.</li>
 * </ol>
 */
public final class DefaultDetector {
    /** System property naming the default model folder, or {@code none}. */
    public static final String PROPERTY = "unmask.detector.default";
    /** The default model's folder relative to the install root. */
    public static final String FOLDER = "models/default-detector";
    /** The default model's installed name ({@link InstalledModels}). */
    public static final String NAME = "default-detector";
    /** The default model's class-path resource folder. */
    public static final String RESOURCE = "unmask/models/default-detector";

    private DefaultDetector() {}

    /** The default model's folder, if one is installed. */
    public static Optional<Path> folder() {
        String p = System.getProperty(PROPERTY);
        if (p != null && !p.isBlank()) {
            return p.trim().equalsIgnoreCase("none") ? Optional.empty() : Optional.of(Path.of(p.trim()));
        }
        Optional<Path> installed = InstalledModels.find(NAME, DefaultDetector.class);
        if (installed.isPresent()) {
            return installed;
        }
        return fromClassPath();
    }

    private static Optional<Path> fromClassPath() {
        URL url = DefaultDetector.class.getClassLoader().getResource(RESOURCE + "/" + DetectorDescriptor.FILE_NAME);
        if (url == null) {
            return Optional.empty();
        }
        try {
            if (url.getProtocol().equals("file")) {
                return Optional.of(Path.of(url.toURI()).getParent());
            }
            String spec = url.toString();
            int bang = spec.indexOf("!/");
            if (url.getProtocol().equals("jar") && spec.startsWith("jar:file:") && bang > 0) {
                return Optional.of(extract(Path.of(new java.net.URI(spec.substring("jar:".length(), bang)))));
            }
        } catch (IOException | URISyntaxException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** Copies the resource folder out of {@code jar} once; a later call finds the copy complete and reuses it. */
    private static Path extract(Path jar) throws IOException {
        String tag = HexFormat.of().toHexDigits(Files.size(jar)) + "-"
                + HexFormat.of().toHexDigits(Files.getLastModifiedTime(jar).toMillis());
        Path target = Path.of(System.getProperty("java.io.tmpdir"), "unmask-default-detector-" + tag.toLowerCase(Locale.ROOT));
        Path done = target.resolve(".complete");
        if (Files.exists(done)) {
            return target;
        }
        try (JarFile jf = new JarFile(jar.toFile())) {
            Enumeration<JarEntry> en = jf.entries();
            String prefix = RESOURCE + "/";
            while (en.hasMoreElements()) {
                JarEntry e = en.nextElement();
                if (e.isDirectory() || !e.getName().startsWith(prefix)) {
                    continue;
                }
                Path out = target.resolve(e.getName().substring(prefix.length())).normalize();
                if (!out.startsWith(target)) {
                    continue; // a crafted entry name must not escape the folder
                }
                Files.createDirectories(out.getParent());
                try (InputStream in = jf.getInputStream(e)) {
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Files.createFile(done);
        return target;
    }
}
