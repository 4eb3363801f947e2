package dev.unmask.faces.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FacesSettingsTest {
    @TempDir
    Path dir;

    @Test
    void detectorsAreFoldersOrNamesOfInstalledModels() throws Exception {
        assertEquals(List.of(), FacesSettings.parseDetectors("none"));
        assertEquals(List.of(), FacesSettings.parseDetectors(" "));
        Path own = Files.createDirectories(dir.resolve("my-model"));
        assertEquals(List.of(own), FacesSettings.parseDetectors(own.toString()));
        List<Path> installed = FacesSettings.parseDetectors("default-detector");
        assertEquals(1, installed.size());
        assertTrue(installed.get(0).endsWith(Path.of("models", "default-detector")), installed.toString());
        assertTrue(Files.isRegularFile(installed.get(0).resolve("detector.properties")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FacesSettings.parseDetectors("no-such-model"));
        assertEquals("option faces.detectors: 'no-such-model' is neither a model folder nor a model installed with Unmask"
                + " (models/no-such-model)", e.getMessage());
    }
}
