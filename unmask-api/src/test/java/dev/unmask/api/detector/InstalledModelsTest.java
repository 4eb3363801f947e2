package dev.unmask.api.detector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstalledModelsTest {
    @TempDir
    Path home;

    @Test
    void findsAModelUnderTheInstallRootAndNothingElse() throws Exception {
        Path m = Files.createDirectories(home.resolve("models/face-sbi"));
        Files.writeString(m.resolve(DetectorDescriptor.FILE_NAME), "kind=x\nname=y\n");
        Files.createDirectories(home.resolve("models/empty"));
        String before = System.setProperty(InstalledModels.HOME_PROPERTY, home.toString());
        try {
            assertEquals(Optional.of(m), InstalledModels.find("face-sbi"));
            assertTrue(InstalledModels.find("empty").isEmpty(), "a folder without detector.properties is not a model");
            assertTrue(InstalledModels.find("missing").isEmpty());
        } finally {
            if (before == null) {
                System.clearProperty(InstalledModels.HOME_PROPERTY);
            } else {
                System.setProperty(InstalledModels.HOME_PROPERTY, before);
            }
        }
    }

    @Test
    void resolvesFoldersFirstThenInstalledNames() throws Exception {
        Path own = Files.createDirectories(home.resolve("mine"));
        assertEquals(own, InstalledModels.resolve(own.toString(), InstalledModelsTest.class));
        Path installed = InstalledModels.resolve(" default-detector ", InstalledModelsTest.class);
        assertTrue(installed.endsWith(Path.of("models", "default-detector")), installed.toString());
        assertEquals(Path.of("no-such-model"), InstalledModels.resolve("no-such-model", InstalledModelsTest.class),
                "an unknown name stays as given, so opening it says what is wrong");
    }

    @Test
    void namesArePlainNamesNotPaths() {
        assertTrue(InstalledModels.isName("default-detector"));
        for (String bad : new String[] {"../etc", "a/b", "", "Face", "/abs"}) {
            assertFalse(InstalledModels.isName(bad), bad);
            assertThrows(IllegalArgumentException.class, () -> InstalledModels.find(bad), bad);
        }
    }

    @Test
    void findsTheRepositorysDefaultDetectorAboveTheseClasses() {
        assertTrue(InstalledModels.find("default-detector").isPresent(),
                "models/default-detector above this module's classes (the repository root)");
    }
}
