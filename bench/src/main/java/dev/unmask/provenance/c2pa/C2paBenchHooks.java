package dev.unmask.provenance.c2pa;

import dev.unmask.api.MediaType;
import dev.unmask.provenance.jumbf.JumbfBox;
import dev.unmask.provenance.jumbf.JumbfException;
import dev.unmask.provenance.jumbf.JumbfParser;
import java.util.List;

/**
 * Benchmark-only access to the package-private stages of {@link C2paReader}, so that
 * {@code dev.unmask.bench.C2paValidationBenchmark} times exactly the code the reader runs without widening the
 * provenance module's API. It lives in the bench module but in the reader's package, which works on the class path
 * (the provenance module has no {@code module-info}); nothing here is part of the product.
 */
public final class C2paBenchHooks {
    private C2paBenchHooks() {}

    /** The located manifest store bytes (JPEG APP11 / PNG caBX / BMFF uuid reassembly), or null when none is embedded. */
    public static byte[] storeBytes(byte[] file, MediaType type, C2paLimits limits) {
        LocatedStore loc = ManifestLocator.locate(file, type, limits);
        return loc.kind() == LocatedStore.Kind.EMBEDDED ? loc.jumbf() : null;
    }

    /**
     * The parsing stage of {@link C2paReader#read}: locate the store in the asset (C2PA 2.2 section A), parse its
     * JUMBF box tree (A.3) and turn it into manifests with the claim and every CBOR/JSON assertion decoded
     * ({@code StoreParser}). No hash, no signature, no validation.
     *
     * @return the parsed manifests, empty when there is no embedded or no parseable store
     */
    public static List<ParsedManifest> parse(byte[] file, MediaType type, C2paLimits limits) {
        byte[] store = storeBytes(file, type, limits);
        if (store == null) {
            return List.of();
        }
        JumbfBox root;
        try {
            root = JumbfParser.parse(store, limits.maxDepth(), limits.maxBoxes());
        } catch (JumbfException e) {
            return List.of();
        }
        return new StoreParser(store, limits).manifests(root);
    }

    /**
     * The hashing stage of {@link C2paReader#read}, on already parsed manifests: for every manifest, the hash of each
     * assertion its claim references (hashed URIs, C2PA 2.2 section 8.3 / 15.10.3, via {@code ManifestValidator.boxHash}),
     * and for the active (last) manifest the hard binding over the asset ({@code HardBindings.verify}: data hash minus
     * exclusions with {@code RangeHasher}, or BMFF hash; section 18). Ingredient {@code c2pa_manifest} hashes are not
     * included (a few small boxes).
     *
     * @param store the manifest store bytes the manifests index into ({@link #storeBytes})
     * @return a value depending on every digest, for the benchmark's black hole
     */
    public static int hash(byte[] file, byte[] store, List<ParsedManifest> manifests, C2paLimits limits) {
        int acc = 0;
        for (int i = 0; i < manifests.size(); i++) {
            ParsedManifest m = manifests.get(i);
            if (m.claim() == null || !(m.claim().get("alg") instanceof String claimAlg)) {
                continue;
            }
            AssertionBox binding = null;
            String bindingUrl = null;
            for (Object ref : ManifestValidator.assertionRefs(m)) {
                HashedUri h = HashedUri.from(ref);
                AssertionBox a = h == null ? null : ManifestValidator.resolve(m, h);
                if (a == null) {
                    continue;
                }
                String alg = h.alg() != null ? h.alg() : claimAlg;
                if (HashAlgorithms.supported(alg)) {
                    acc += ManifestValidator.boxHash(store, a, alg)[0];
                }
                if (binding == null && HardBindings.isHardBinding(a.baseLabel())) {
                    binding = a;
                    bindingUrl = h.absolute(m.label());
                }
            }
            boolean active = i == manifests.size() - 1;
            if (active && binding != null && !m.updateManifest()) {
                acc += HardBindings.verify(binding, bindingUrl, claimAlg, file, limits).code().hashCode();
            }
        }
        return acc;
    }
}
