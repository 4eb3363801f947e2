package dev.unmask.provenance.analyzer;

import dev.unmask.api.Analyzer;
import dev.unmask.api.AnalyzerInfo;
import dev.unmask.api.AnalyzerOptions;
import dev.unmask.api.AnalyzerResult;
import dev.unmask.api.Finding;
import dev.unmask.api.Media;
import dev.unmask.api.MediaException;
import dev.unmask.api.MediaKind;
import dev.unmask.api.MediaType;
import dev.unmask.provenance.c2pa.C2paLimits;
import dev.unmask.provenance.c2pa.C2paReader;
import dev.unmask.provenance.c2pa.ManifestStoreResult;
import dev.unmask.provenance.cose.CoseClaimVerifier;
import java.awt.image.BufferedImage;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Provenance: validates the file's C2PA manifest store (C2PA specification 2.2, sections 10-15 and 18: claim,
 * COSE signature, trust, hard bindings, actions with IPTC digital source types) and looks for invisible watermarks
 * of public generators and of Unmask itself. Needs only the file's bytes; the watermark part uses the decoded
 * pixels when available. Nothing is fetched from the network. Stateless after {@link #init}.
 *
 * <p>Findings: {@code provenance.c2pa.synthetic} (declared generation), {@code provenance.c2pa.capture} (declared
 * capture), {@code provenance.c2pa.tampered.binding} / {@code .tampered.signature} (failed validation),
 * {@code provenance.c2pa.invalid}, {@code provenance.c2pa.manifest}, {@code provenance.c2pa.remote} (INFO), and
 * {@code provenance.watermark.<payload>} / {@code provenance.watermark.unmask}.
 */
public final class ProvenanceAnalyzer implements Analyzer {
    /** Analyzer id. */
    public static final String ID = "provenance";
    private static final AnalyzerInfo INFO = new AnalyzerInfo(ID, "Provenance (C2PA and watermarks)", "1.0",
            "Validates C2PA manifests (C2PA 2.2: signature, trust, hard binding, declared digital source type) and "
                    + "detects invisible watermarks of Stable Diffusion, SDXL, FLUX and Unmask.");

    private final Clock clock;
    private volatile ProvenanceSettings settings;
    private volatile CoseClaimVerifier verifier;

    /** Validates signatures at the current time. */
    public ProvenanceAnalyzer() {
        this(Clock.systemUTC());
    }

    /** Validates certificates at {@code clock}'s time when a signature has no trusted time-stamp (tests). */
    ProvenanceAnalyzer(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public AnalyzerInfo info() {
        return INFO;
    }

    @Override
    public void init(AnalyzerOptions options) {
        ProvenanceSettings s = ProvenanceSettings.from(options);
        this.verifier = new CoseClaimVerifier(s.trust(), clock);
        this.settings = s;
    }

    @Override
    public boolean needsPixels() {
        return false;
    }

    @Override
    public boolean supports(MediaType type) {
        return type.kind() == MediaKind.IMAGE || type.kind() == MediaKind.VIDEO;
    }

    @Override
    public AnalyzerResult analyze(Media media) throws MediaException {
        ProvenanceSettings s = settings;
        if (s == null) {
            throw new IllegalStateException("init was not called");
        }
        byte[] bytes;
        try {
            bytes = media.bytes();
        } catch (MediaException e) {
            return AnalyzerResult.failed("C2PA not checked: " + e.getMessage());
        }
        ManifestStoreResult store = C2paReader.read(bytes, media.type(), verifier, C2paLimits.defaults());
        C2paInterpreter.Outcome c2pa = C2paInterpreter.interpret(store);
        List<Finding> findings = new ArrayList<>(c2pa.findings());
        String wm = watermarks(media, s, findings);
        return AnalyzerResult.ok(c2pa.summary() + "; " + wm, findings, Map.of());
    }

    private static String watermarks(Media media, ProvenanceSettings s, List<Finding> findings) {
        if (!s.watermarks()) {
            return "watermarks not checked: disabled (provenance.watermarks=false)";
        }
        if (!media.type().isImage()) {
            return "watermarks not checked: not a still image";
        }
        BufferedImage img;
        try {
            img = media.image();
        } catch (MediaException | RuntimeException e) {
            return "watermarks not checked: " + e.getMessage();
        }
        long pixels = (long) img.getWidth() * img.getHeight();
        if (pixels > s.watermarkMaxPixels()) {
            return String.format("watermarks not checked: %dx%d = %.1f MP exceeds watermark-max-pixels (%.1f MP)",
                    img.getWidth(), img.getHeight(), pixels / 1e6, s.watermarkMaxPixels() / 1e6);
        }
        WatermarkChecks.Outcome o = WatermarkChecks.check(img, s.unmaskKey());
        findings.addAll(o.findings());
        return o.summary();
    }
}
