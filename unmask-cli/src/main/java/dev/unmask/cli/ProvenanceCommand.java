package dev.unmask.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.unmask.api.MediaException;
import dev.unmask.core.media.FormatDetection;
import dev.unmask.core.media.LoadedMedia;
import dev.unmask.core.media.MediaLimits;
import dev.unmask.provenance.c2pa.ActionInfo;
import dev.unmask.provenance.c2pa.C2paLimits;
import dev.unmask.provenance.c2pa.C2paReader;
import dev.unmask.provenance.c2pa.IngredientNode;
import dev.unmask.provenance.c2pa.ManifestReport;
import dev.unmask.provenance.c2pa.ManifestStoreResult;
import dev.unmask.provenance.c2pa.SignatureOutcome;
import dev.unmask.provenance.c2pa.StoreState;
import dev.unmask.provenance.c2pa.ValidationStatus;
import dev.unmask.provenance.cose.CoseClaimVerifier;
import dev.unmask.provenance.trust.TrustSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code unmask provenance}: reads and verifies C2PA content credentials. */
@Command(name = "provenance", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Read and cryptographically verify the C2PA content credentials (manifest store) of files:",
                "who signed, when, with what tool, which actions and digital source type, the ingredients, and the",
                "validation result with the C2PA status codes. Remote manifests are reported, never fetched.",
                "No trust anchors are built in: without --trust every signer is reported as untrusted",
                "(signatures and hashes are still verified)."},
        footer = {"", "Exit codes: 0 every file was read; 1 some files could not be read; 2 usage error;",
                "3 a file matched --fail-on.",
                "", "Examples:", "  unmask provenance photo.jpg",
                "  unmask provenance --trust c2pa-trust-list.pem --json photo.jpg > manifest.json",
                "  unmask provenance --fail-on invalid,missing uploads/*.jpg"})
final class ProvenanceCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Files to read (JPEG, PNG, WebP, GIF, TIFF, MP4/MOV and other ISO BMFF).")
    List<Path> files;

    @Option(names = "--json", description = "Print the full manifest store and every status as JSON.")
    boolean json;

    @Option(names = "--trust", paramLabel = "PEM", description = "Trust anchors: a PEM bundle of root certificates (e.g. the C2PA trust list).")
    Path trust;

    @Option(names = "--allowed", paramLabel = "PEM", description = "Allowed list: end-entity certificates (PEM) or base64 SHA-256 digests trusted directly.")
    Path allowed;

    @Option(names = "--ekus", paramLabel = "FILE", description = "Accepted extended key usages, one dotted OID per line (default: the C2PA set).")
    Path ekus;

    @Option(names = {"-v", "--verbose"}, description = "List every status code, not only failures.")
    boolean verbose;

    @Option(names = "--fail-on", paramLabel = "STATE", split = ",",
            description = "Exit with code 3 when a file's manifest is in one of these states: invalid, missing, remote.")
    List<String> failOn = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        List<StoreState> failStates = new ArrayList<>();
        for (String f : failOn) {
            failStates.add(switch (f.trim()) {
                case "invalid" -> StoreState.INVALID;
                case "missing" -> StoreState.NO_MANIFEST;
                case "remote" -> StoreState.REMOTE;
                default -> throw new UsageException("--fail-on takes invalid, missing and/or remote, not '" + f + "'");
            });
        }
        TrustSettings settings = trustSettings();
        CoseClaimVerifier verifier = new CoseClaimVerifier(settings, Clock.systemUTC());
        FormatDetection formats = new FormatDetection();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Object> docs = new ArrayList<>();
        int unreadable = 0;
        int matched = 0;
        for (Path f : files) {
            if (Files.isDirectory(f)) {
                throw new UsageException(f + " is a folder; 'provenance' takes files (use 'scan' for folders)");
            }
            if (!Files.isRegularFile(f)) {
                throw new UsageException("no such file: " + f);
            }
            LoadedMedia media;
            try {
                media = LoadedMedia.read(f, formats, MediaLimits.DEFAULT);
            } catch (MediaException e) {
                unreadable++;
                err.println("unmask: " + f + ": " + e.getMessage());
                continue;
            }
            ManifestStoreResult r = C2paReader.read(media.bytes(), media.type(), verifier, C2paLimits.defaults());
            if (failStates.contains(r.state())) {
                matched++;
            }
            if (json) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("path", f.toString());
                doc.put("sha256", media.sha256());
                doc.put("media_type", media.type().id());
                doc.putAll(r.toJson());
                docs.add(doc);
            } else {
                print(out, f, r);
            }
        }
        if (json) {
            ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("trust", Map.of("anchors", settings.anchors().size(), "allowed", settings.allowedEndEntities().size()
                    + settings.allowedCertHashes().size()));
            root.put("files", docs);
            out.println(m.writeValueAsString(root));
        }
        out.flush();
        err.flush();
        if (matched > 0) {
            return UnmaskCommand.FAIL_ON_MATCHED;
        }
        return unreadable > 0 ? UnmaskCommand.SOME_FAILED : UnmaskCommand.OK;
    }

    private TrustSettings trustSettings() {
        for (Path p : new Path[] {trust, allowed, ekus}) {
            if (p != null && !Files.isRegularFile(p)) {
                throw new UsageException("no such trust file: " + p);
            }
        }
        if (trust == null && allowed == null && ekus == null) {
            return TrustSettings.none();
        }
        try {
            return TrustSettings.fromPem(trust, allowed, ekus);
        } catch (IOException | IllegalArgumentException e) {
            throw new UsageException("cannot read the trust files: " + e.getMessage());
        }
    }

    private void print(PrintWriter out, Path f, ManifestStoreResult r) {
        switch (r.state()) {
            case NO_MANIFEST -> {
                out.println(f + ": no C2PA manifest");
                r.storeStatuses().forEach(s -> out.println("    " + status(s)));
                return;
            }
            case REMOTE -> {
                out.println(f + ": remote C2PA manifest at " + r.remoteUrl() + " (not fetched: Unmask never goes to the network unasked)");
                return;
            }
            default -> out.println(f + ": C2PA manifest store (" + r.container() + "), " + r.manifests().size()
                    + (r.manifests().size() == 1 ? " manifest" : " manifests") + ": "
                    + (r.state() == StoreState.VALID ? "VALID" : "INVALID"));
        }
        r.storeStatuses().forEach(s -> out.println("    " + status(s)));
        ManifestReport a = r.active();
        if (a == null) {
            return;
        }
        out.println("  active manifest " + a.label());
        SignatureOutcome sig = a.signature();
        if (sig != null) {
            out.println("    signed by   " + nz(sig.signerSubject()) + (sig.signerOrganization() == null ? "" : " (" + sig.signerOrganization() + ")")
                    + ", issuer " + nz(sig.issuer()) + ", " + nz(sig.algorithm()));
            out.println("    signed at   " + (sig.signingTime() == null ? "no time-stamp" : sig.signingTime() + " (time-stamp)"));
            out.println("    trust       " + (sig.trusted() ? "trusted signer" : "untrusted signer"
                    + (trust == null && allowed == null ? " (no trust anchors given; see --trust)" : "")));
        }
        if (a.claim() != null) {
            out.println("    generator   " + nz(a.claim().generator()));
            if (a.claim().title() != null) {
                out.println("    title       " + a.claim().title() + (a.claim().format() == null ? "" : " (" + a.claim().format() + ")"));
            }
            for (ActionInfo act : a.claim().actions()) {
                out.println("    action      " + act.action()
                        + (act.digitalSourceType() == null ? "" : ", source " + shortSource(act.digitalSourceType()))
                        + (act.softwareAgent() == null ? "" : ", by " + act.softwareAgent())
                        + (act.when() == null ? "" : ", at " + act.when()));
            }
            if (!a.claim().authors().isEmpty()) {
                out.println("    author      " + String.join(", ", a.claim().authors()));
            }
        }
        if (!a.ingredients().isEmpty()) {
            out.println("    ingredients");
            tree(out, a.ingredients(), "      ");
        }
        out.printf(Locale.ROOT, "    validation  %d success, %d informational, %d failure%n",
                a.success().size(), a.informational().size(), a.failure().size());
        List<ValidationStatus> shown = new ArrayList<>(a.failure());
        if (verbose) {
            shown.addAll(0, a.informational());
            shown.addAll(0, a.success());
        }
        shown.forEach(s -> out.println("      " + status(s)));
    }

    private static void tree(PrintWriter out, List<IngredientNode> nodes, String indent) {
        for (IngredientNode n : nodes) {
            String state = n.manifestLabel() == null ? "no provenance" : (n.hasFailure() ? "INVALID" : "validated");
            out.println(indent + "- " + nz(n.title()) + " (" + nz(n.relationship()) + ", " + nz(n.format()) + "): " + state);
            n.statuses().stream().filter(s -> s.kind() == dev.unmask.provenance.c2pa.StatusKind.FAILURE)
                    .forEach(s -> out.println(indent + "    " + status(s)));
            tree(out, n.ingredients(), indent + "  ");
        }
    }

    private static String status(ValidationStatus s) {
        String mark = switch (s.kind()) {
            case SUCCESS -> "ok  ";
            case INFORMATIONAL -> "info";
            case FAILURE -> "FAIL";
        };
        return mark + " " + s.code() + (s.explanation() == null ? "" : ": " + s.explanation());
    }

    private static String shortSource(String iri) {
        int slash = iri.lastIndexOf('/');
        return slash >= 0 ? iri.substring(slash + 1) : iri;
    }

    private static String nz(String s) {
        return s == null ? "unknown" : s;
    }
}
