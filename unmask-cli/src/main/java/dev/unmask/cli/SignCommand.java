package dev.unmask.cli;

import dev.unmask.api.MediaException;
import dev.unmask.api.MediaType;
import dev.unmask.core.Version;
import dev.unmask.core.media.FormatDetection;
import dev.unmask.core.media.LoadedMedia;
import dev.unmask.core.media.MediaLimits;
import dev.unmask.provenance.sign.Action;
import dev.unmask.provenance.sign.C2paSigner;
import dev.unmask.provenance.sign.SignedAsset;
import dev.unmask.provenance.sign.SigningCredentials;
import dev.unmask.provenance.sign.SigningException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code unmask sign}: embeds a signed C2PA 2.x manifest into a JPEG or PNG. */
@Command(name = "sign", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Embed a signed C2PA 2.x manifest (claim v2, actions with digital source type, data-hash binding,",
                "claim generator Unmask) into a JPEG or PNG. Make test credentials with 'unmask keygen'."},
        footer = {"", "Exit codes: 0 signed; 1 the input could not be signed (format, existing manifest, key); 2 usage error.",
                "", "Examples:", "  unmask keygen --out keys/",
                "  unmask sign --key keys/signer.key.pem --cert keys/signer.chain.pem --action created \\",
                "      --source-type trainedAlgorithmicMedia generated.png signed.png",
                "  unmask sign --key K --cert C --action edited --source-type compositeWithTrainedAlgorithmicMedia in.jpg out.jpg"})
final class SignCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--key", paramLabel = "PEM", required = true, description = "Private signing key (PKCS#8 PEM).")
    Path key;

    @Option(names = "--cert", paramLabel = "PEM", required = true, description = "Certificate chain, signer first (PEM).")
    Path cert;

    @Option(names = "--action", paramLabel = "ACTION", required = true,
            description = "What was done: created (a new asset) or edited (an existing asset, recorded as its parent ingredient).")
    String action;

    @Option(names = "--source-type", paramLabel = "TYPE",
            description = "IPTC digital source type, e.g. trainedAlgorithmicMedia, compositeWithTrainedAlgorithmicMedia, digitalCapture, "
                    + "algorithmicMedia, or a full IRI. Required with --action created; optional with edited.")
    String sourceType;

    @Option(names = "--alg", paramLabel = "ALG", description = "Signature algorithm matching the key: es256 (default) or ed25519.")
    String alg = "es256";

    @Option(names = "--title", paramLabel = "TEXT", description = "Title recorded in the claim (default: the output file name).")
    String title;

    @Option(names = "--replace", description = "Remove a manifest the input already carries (it is not kept as an ingredient).")
    boolean replace;

    @Parameters(index = "0", paramLabel = "IN", description = "JPEG or PNG to sign.")
    Path in;

    @Parameters(index = "1", paramLabel = "OUT", description = "Where to write the signed file (not the input itself).")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(in)) {
            throw new UsageException("no such file: " + in);
        }
        if (Files.exists(out) && Files.isSameFile(in, out)) {
            throw new UsageException("OUT must differ from IN: the input is never overwritten");
        }
        String source = sourceType == null ? null : sourceIri(sourceType);
        boolean edited = switch (action.toLowerCase(Locale.ROOT)) {
            case "created" -> false;
            case "edited" -> true;
            default -> throw new UsageException("--action takes created or edited, not '" + action + "'");
        };
        if (!edited && source == null) {
            throw new UsageException("--action created needs --source-type: C2PA 2.x requires created assets to declare "
                    + "their digital source type (e.g. digitalCapture, trainedAlgorithmicMedia)");
        }
        SigningCredentials creds;
        try {
            creds = SigningCredentials.fromPem(key, cert);
        } catch (IOException | RuntimeException e) {
            throw new UsageException("cannot read the key or certificate: " + e.getMessage());
        }
        PrintWriter err = spec.commandLine().getErr();
        LoadedMedia media;
        try {
            media = LoadedMedia.read(in, new FormatDetection(), MediaLimits.DEFAULT);
        } catch (MediaException e) {
            err.println("unmask: " + in + ": " + e.getMessage());
            return UnmaskCommand.SOME_FAILED;
        }
        if (!MediaType.JPEG.equals(media.type()) && !MediaType.PNG.equals(media.type())) {
            err.println("unmask: " + in + ": only JPEG and PNG can be signed (this file is " + media.type().id() + ")");
            return UnmaskCommand.SOME_FAILED;
        }
        C2paSigner.Builder b = C2paSigner.builder()
                .credentials(creds)
                .algorithm(KeygenCommand.parseAlgorithm(alg))
                .claimGenerator("Unmask", Version.get())
                .title(title != null ? title : String.valueOf(out.getFileName()))
                .replaceExisting(replace);
        if (edited) {
            b.action(Action.edited(source)).parentTitle(String.valueOf(in.getFileName()));
        } else {
            b.action(Action.created(source));
        }
        SignedAsset signed;
        try {
            signed = b.build().signDetailed(media.bytes(), media.type());
        } catch (SigningException e) {
            err.println("unmask: " + in + ": cannot sign: " + e.getMessage());
            return UnmaskCommand.SOME_FAILED;
        }
        Path tmp = Files.createTempFile(out.toAbsolutePath().getParent(), ".unmask-sign", ".tmp");
        try {
            Files.write(tmp, signed.bytes());
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        PrintWriter w = spec.commandLine().getOut();
        w.println("Signed " + in + " -> " + out + " (" + signed.bytes().length + " bytes)");
        w.println("  manifest " + signed.manifestLabel() + ", " + signed.manifestStoreLength() + "-byte store");
        if (signed.replacedExisting()) {
            w.println("  the input's previous C2PA manifest was removed (--replace)");
        }
        w.println("Check it with: unmask provenance --trust <your CA certificate> " + out);
        w.flush();
        return UnmaskCommand.OK;
    }

    /** A short IPTC digital source type name or a full IRI. */
    static String sourceIri(String s) {
        if (s.startsWith("http://") || s.startsWith("https://")) {
            return s;
        }
        if (!s.matches("[A-Za-z]{3,64}")) {
            throw new UsageException("--source-type takes an IPTC term such as trainedAlgorithmicMedia, not '" + s + "'");
        }
        return "http://cv.iptc.org/newscodes/digitalsourcetype/" + s;
    }
}
