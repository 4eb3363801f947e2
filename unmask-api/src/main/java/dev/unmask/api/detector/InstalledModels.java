package dev.unmask.api.detector;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds the detector model folders installed with Unmask, in its {@value #MODELS} folder, by name (e.g.
 * {@code default-detector}, {@code face-sbi}). The install root is the system property {@value #HOME_PROPERTY} when
 * it is set, else the first folder above the jar (or classes folder) the caller's class, or this class, was loaded
 * from that has a {@value #MODELS} folder holding the model: the repository root for {@code ./unmask} and for tests. Nothing is
 * downloaded; a model that is not installed is simply not found.
 */
public final class InstalledModels {
    /** System property naming the install root. */
    public static final String HOME_PROPERTY = "unmask.home";
    /** The models folder under the install root. */
    public static final String MODELS = "models";
    private static final int LEVELS_UP = 5;
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    private InstalledModels() {}

    /** Whether {@code name} is a well-formed installed-model name (lower-case letters, digits, {@code . _ -}). */
    public static boolean isName(String name) {
        return NAME.matcher(name).matches();
    }

    /**
     * The installed model folder {@code name}, if there is one with a {@value DetectorDescriptor#FILE_NAME}.
     *
     * @throws IllegalArgumentException when {@code name} is not a well-formed name (no paths)
     */
    public static Optional<Path> find(String name) {
        return find(name, InstalledModels.class);
    }

    /**
     * The installed model folder {@code name}, searched above {@code anchor}'s jar or classes folder first, then above
     * this class's.
     *
     * @throws IllegalArgumentException when {@code name} is not a well-formed name (no paths)
     */
    public static Optional<Path> find(String name, Class<?> anchor) {
        if (!isName(name)) {
            throw new IllegalArgumentException("not an installed model name: '" + name + "'");
        }
        String home = System.getProperty(HOME_PROPERTY);
        if (home != null && !home.isBlank()) {
            return model(Path.of(home.trim()), name);
        }
        Optional<Path> m = above(anchor, name);
        return m.isPresent() || anchor == InstalledModels.class ? m : above(InstalledModels.class, name);
    }

    /**
     * What a user's {@code MODEL} argument names: an existing folder as given, else the installed model of that name
     * when there is one, else the path as given (opening it then says what is wrong).
     *
     * @param anchor the caller's class, whose jar or classes folder the installed models are searched above
     */
    public static Path resolve(String folderOrName, Class<?> anchor) {
        String t = folderOrName.trim();
        Path p = Path.of(t);
        if (!Files.isDirectory(p) && isName(t)) {
            return find(t, anchor).orElse(p);
        }
        return p;
    }

    private static Optional<Path> above(Class<?> anchor, String name) {
        CodeSource cs = anchor.getProtectionDomain().getCodeSource();
        if (cs == null || cs.getLocation() == null) {
            return Optional.empty();
        }
        Path dir;
        try {
            dir = Path.of(cs.getLocation().toURI()).toAbsolutePath();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
        for (int i = 0; i <= LEVELS_UP && dir != null; i++, dir = dir.getParent()) {
            Optional<Path> m = model(dir, name);
            if (m.isPresent()) {
                return m;
            }
        }
        return Optional.empty();
    }

    private static Optional<Path> model(Path root, String name) {
        Path f = root.resolve(MODELS).resolve(name);
        return Files.isRegularFile(f.resolve(DetectorDescriptor.FILE_NAME)) ? Optional.of(f) : Optional.empty();
    }
}
