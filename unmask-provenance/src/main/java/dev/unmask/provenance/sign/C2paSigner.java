package dev.unmask.provenance.sign;

import com.upokecenter.cbor.CBORObject;
import dev.unmask.api.MediaType;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Signs JPEG and PNG files with an embedded C2PA 2.x manifest store (C2PA 2.2: claim v2 section 10, claim
 * signature sections 10.3 and 13.2, actions section 18.14, data hash hard binding section 18.5, embedding
 * Annex A.3). Immutable and thread-safe once built.
 *
 * <p>Two passes, as the specification describes for data hashes: the store is first laid out with a zero hash and
 * a zero signature to fix the exclusion length (the data hash's {@code pad} absorbs any CBOR width change), then
 * the asset is hashed without the exclusion, the claim is signed, and the final store, of the same size, is
 * inserted. Since the exclusion covers exactly the inserted bytes, the data hash equals the hash of the asset as
 * given (minus any manifest it replaced). Update manifests are not written: with
 * {@link Builder#replaceExisting(boolean)} an existing manifest store is removed, not chained.
 *
 * <p>Two kinds of manifest (C2PA 2.2 section 18.14, "either a c2pa.created or a c2pa.opened"):
 * <ul>
 *   <li>first action {@link Action#created(String)}: the asset is new; the actions are written as given;</li>
 *   <li>first action {@link Action#edited(String)}: the asset is an edit of the input file. The signer adds a
 *       {@code c2pa.ingredient.v3} assertion describing the input as {@code parentOf} (title from
 *       {@link Builder#parentTitle(String)}, format, an instanceID derived from the input's SHA-256) and writes the
 *       actions as {@code [c2pa.opened (parameters.ingredients = [hashed URI of that ingredient]), c2pa.edited,
 *       ...]}. A manifest removed from the input is not carried over (the ingredient says so).</li>
 * </ul>
 */
public final class C2paSigner {
    /** Largest asset accepted. */
    public static final int MAX_ASSET_BYTES = 512 * 1024 * 1024;
    /** Largest manifest store written. */
    public static final int MAX_STORE_BYTES = 16 * 1024 * 1024;
    /** Most extra assertions. */
    public static final int MAX_EXTRA_ASSERTIONS = 64;
    /** Largest encoded extra assertion. */
    public static final int MAX_ASSERTION_BYTES = 4 * 1024 * 1024;
    /** Most actions in the actions assertion. */
    public static final int MAX_ACTIONS = 64;
    /** Most layout passes before giving up on a stable size (normally 2-3). */
    static final int MAX_LAYOUT_PASSES = 32;
    /** Label prefix of ingredient assertions, which only the signer writes. */
    static final String INGREDIENT_PREFIX = "c2pa.ingredient";
    /** Assertion labels this signer accepts for extra assertions (JUMBF URI safe, C2PA 2.2 section 6.2). */
    static final Pattern LABEL = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.:-]{0,254}");

    private final SigningAlgorithm algorithm;
    private final PrivateKey key;
    private final List<X509Certificate> chain;
    private final String generatorName;
    private final String generatorVersion;
    private final List<Action> actions;
    private final String title;
    private final String parentTitle;
    private final List<ManifestWriter.Assertion> extras;
    private final boolean replaceExisting;
    private final boolean deterministic;
    private final UUID manifestId;
    private final String instanceId;
    private final Clock clock;

    private C2paSigner(Builder b) {
        this.algorithm = b.algorithm;
        this.key = b.key;
        this.chain = List.copyOf(b.chain);
        this.generatorName = b.generatorName;
        this.generatorVersion = b.generatorVersion;
        this.actions = List.copyOf(b.actions);
        this.title = b.title;
        this.parentTitle = b.parentTitle;
        this.extras = List.copyOf(b.extras.values());
        this.replaceExisting = b.replaceExisting;
        this.deterministic = b.deterministic;
        this.manifestId = b.manifestId;
        this.instanceId = b.instanceId;
        this.clock = b.clock;
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Signs {@code asset} and returns the new file. */
    public byte[] sign(byte[] asset, MediaType type) throws SigningException {
        return signDetailed(asset, type).bytes();
    }

    /** Signs {@code asset} and returns the new file with its layout. */
    public SignedAsset signDetailed(byte[] asset, MediaType type) throws SigningException {
        Objects.requireNonNull(asset, "asset");
        if (asset.length > MAX_ASSET_BYTES) {
            throw new SigningException(SigningException.Reason.TOO_LARGE, "asset larger than " + MAX_ASSET_BYTES);
        }
        Container container;
        if (MediaType.JPEG.equals(type)) {
            container = new JpegContainer();
        } else if (MediaType.PNG.equals(type)) {
            container = new PngContainer();
        } else {
            throw new SigningException(SigningException.Reason.UNSUPPORTED_OR_MALFORMED,
                    "only JPEG and PNG can be signed, not " + type.id());
        }
        Container.Prepared prepared = container.prepare(asset, replaceExisting);
        CoseSign1Signer cose = new CoseSign1Signer(algorithm, key, chain, deterministic);
        UUID mid = manifestId != null ? manifestId : UUID.randomUUID();
        String label = "urn:c2pa:" + mid;
        String iid = instanceId != null ? instanceId : "xmp:iid:" + UUID.randomUUID();
        List<ManifestWriter.Assertion> fixed = new ArrayList<>();
        if (actions.get(0).action().equals(Action.EDITED)) {
            ManifestWriter.Assertion parent = ParentIngredient.assertion(asset, type.mime(), parentTitle,
                    prepared.removedExisting());
            fixed.add(parent);
            CBORObject opened = ParentIngredient.openedParameters(parent);
            fixed.add(ActionsWriter.assertion(actions, generatorInfo(), clock, opened));
        } else {
            fixed.add(ActionsWriter.assertion(actions, generatorInfo(), clock, null));
        }
        fixed.addAll(extras);
        long start = prepared.insertAt();

        long length = 0;
        int pad = 0;
        byte[] zeroHash = new byte[ManifestWriter.HASH_LENGTH];
        boolean stable = false;
        for (int pass = 0; pass < MAX_LAYOUT_PASSES && !stable; pass++) {
            ManifestWriter.Content c = content(label, iid, fixed, zeroHash, start, length, pad);
            byte[] store = ManifestWriter.store(c, ManifestWriter.claim(c), cose.placeholder(0));
            checkStoreSize(store.length);
            long wrapped = container.wrap(store).length;
            if (wrapped > length) {
                length = wrapped;
            } else if (wrapped < length) {
                pad += (int) (length - wrapped);
            } else {
                stable = true;
            }
        }
        if (!stable) {
            throw new IllegalStateException("manifest store size did not settle");
        }
        byte[] hash = ManifestWriter.sha256(prepared.asset());
        ManifestWriter.Content c = content(label, iid, fixed, hash, start, length, pad);
        byte[] claim = ManifestWriter.claim(c);
        byte[] signature = cose.sign(claim, 0);
        selfCheck(cose.protectedHeader(), claim, signature);
        byte[] store = ManifestWriter.store(c, claim, signature);
        byte[] wrapped = container.wrap(store);
        if (wrapped.length != length) {
            throw new IllegalStateException("final store size " + wrapped.length + " != reserved " + length);
        }
        byte[] a = prepared.asset();
        byte[] out = new byte[a.length + wrapped.length];
        System.arraycopy(a, 0, out, 0, prepared.insertAt());
        System.arraycopy(wrapped, 0, out, prepared.insertAt(), wrapped.length);
        System.arraycopy(a, prepared.insertAt(), out, prepared.insertAt() + wrapped.length,
                a.length - prepared.insertAt());
        return new SignedAsset(out, label, iid, start, length, store.length, prepared.removedExisting());
    }

    private ManifestWriter.Content content(String label, String iid, List<ManifestWriter.Assertion> fixed,
            byte[] hash, long start, long length, int pad) {
        List<ManifestWriter.Assertion> all = new ArrayList<>(fixed);
        all.add(ManifestWriter.dataHash(hash, start, length, pad));
        return new ManifestWriter.Content(label, iid, generatorInfo(), title, all);
    }

    private CBORObject generatorInfo() {
        CBORObject g = CBORObject.NewOrderedMap();
        g.Add("name", generatorName);
        if (generatorVersion != null) {
            g.Add("version", generatorVersion);
        }
        return g;
    }

    /** Verifies the fresh signature with the leaf certificate, catching a key that does not match it. */
    private void selfCheck(byte[] protectedHeader, byte[] claim, byte[] coseSign1) throws SigningException {
        CBORObject arr = CBORObject.DecodeFromBytes(coseSign1);
        byte[] sig = arr.get(3).GetByteString();
        try {
            Signature v = Signature.getInstance(algorithm.jcaName());
            v.initVerify(chain.get(0).getPublicKey());
            v.update(CoseSign1Signer.sigStructure(protectedHeader, claim));
            if (!v.verify(sig)) {
                throw new SigningException(SigningException.Reason.CRYPTO,
                        "the private key does not match the signing certificate");
            }
        } catch (GeneralSecurityException e) {
            throw new SigningException(SigningException.Reason.CRYPTO,
                    "the signing certificate's key does not fit " + algorithm + ": " + e.getMessage(), e);
        }
    }

    private static void checkStoreSize(int size) throws SigningException {
        if (size > MAX_STORE_BYTES) {
            throw new SigningException(SigningException.Reason.TOO_LARGE,
                    "manifest store of " + size + " bytes exceeds " + MAX_STORE_BYTES);
        }
    }

    /** Builder for {@link C2paSigner}. */
    public static final class Builder {
        private SigningAlgorithm algorithm = SigningAlgorithm.ES256;
        private PrivateKey key;
        private List<X509Certificate> chain = List.of();
        private String generatorName = "Unmask";
        private String generatorVersion;
        private final List<Action> actions = new ArrayList<>();
        private String title;
        private String parentTitle;
        private final Map<String, ManifestWriter.Assertion> extras = new LinkedHashMap<>();
        private boolean replaceExisting;
        private boolean deterministic;
        private UUID manifestId;
        private String instanceId;
        private Clock clock;

        private Builder() {}

        /** The signing key and its chain (leaf first, root normally excluded). */
        public Builder credentials(PrivateKey key, List<X509Certificate> chain) {
            this.key = Objects.requireNonNull(key, "key");
            this.chain = List.copyOf(chain);
            return this;
        }

        /** Credentials loaded by {@link SigningCredentials}. */
        public Builder credentials(SigningCredentials credentials) {
            return credentials(credentials.key(), credentials.chain());
        }

        /** The claim signature algorithm (default ES256). */
        public Builder algorithm(SigningAlgorithm algorithm) {
            this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
            return this;
        }

        /** {@code claim_generator_info} name (default "Unmask") and version (may be null). */
        public Builder claimGenerator(String name, String version) {
            this.generatorName = requireText(name, "generator name");
            this.generatorVersion = version == null ? null : requireText(version, "generator version");
            return this;
        }

        /**
         * Appends an action. The first one must be {@code c2pa.created} ({@link Action#created(String)}) or
         * {@code c2pa.edited} ({@link Action#edited(String)}, which makes the signer record the input as parentOf
         * ingredient behind an automatic {@code c2pa.opened}). {@code c2pa.created} and {@code c2pa.opened} may
         * not come later (C2PA 2.2 section 15.10.3.2.2); {@code c2pa.opened} is never given by the caller.
         */
        public Builder action(Action action) {
            if (actions.size() >= MAX_ACTIONS) {
                throw new IllegalArgumentException("more than " + MAX_ACTIONS + " actions");
            }
            actions.add(Objects.requireNonNull(action, "action"));
            return this;
        }

        /** The claim's {@code dc:title}, or null. */
        public Builder title(String title) {
            this.title = title == null ? null : requireText(title, "title");
            return this;
        }

        /**
         * The parent ingredient's {@code dc:title} (normally the input's file name) when the first action is
         * {@code c2pa.edited}; null to omit it. Refused at {@link #build()} for a {@code c2pa.created} manifest.
         */
        public Builder parentTitle(String parentTitle) {
            this.parentTitle = parentTitle == null ? null : requireText(parentTitle, "parent title");
            return this;
        }

        /** Adds a CBOR assertion under {@code label} (e.g. a vendor namespace such as {@code dev.unmask.gan}). */
        public Builder assertion(String label, CBORObject value) {
            return extra(label, Jumbf.TYPE_CBOR, DeterministicCbor.encode(Objects.requireNonNull(value, "value")));
        }

        /** Adds a JSON assertion under {@code label}; the text must be a JSON object. */
        public Builder jsonAssertion(String label, String json) {
            CBORObject parsed = CBORObject.FromJSONString(Objects.requireNonNull(json, "json"));
            if (parsed.getType() != com.upokecenter.cbor.CBORType.Map) {
                throw new IllegalArgumentException("JSON assertion must be an object");
            }
            return extra(label, Jumbf.TYPE_JSON, ManifestWriter.utf8(json));
        }

        private Builder extra(String label, String type, byte[] payload) {
            Objects.requireNonNull(label, "label");
            if (!LABEL.matcher(label).matches() || label.contains("..")) {
                throw new IllegalArgumentException("bad assertion label: " + label);
            }
            if (label.startsWith(ManifestWriter.ACTIONS_LABEL.substring(0, "c2pa.actions".length()))
                    || label.startsWith("c2pa.hash.") || label.startsWith(INGREDIENT_PREFIX)
                    || extras.containsKey(label)) {
                throw new IllegalArgumentException("reserved or duplicate assertion label: " + label);
            }
            if (extras.size() >= MAX_EXTRA_ASSERTIONS) {
                throw new IllegalArgumentException("more than " + MAX_EXTRA_ASSERTIONS + " extra assertions");
            }
            if (payload.length > MAX_ASSERTION_BYTES) {
                throw new IllegalArgumentException("assertion larger than " + MAX_ASSERTION_BYTES + " bytes");
            }
            extras.put(label, new ManifestWriter.Assertion(label, type, payload));
            return this;
        }

        /** Whether to remove an existing manifest store instead of refusing (default false). */
        public Builder replaceExisting(boolean replace) {
            this.replaceExisting = replace;
            return this;
        }

        /** ES256 with RFC 6979 deterministic nonces instead of JCA's random ones (default false). */
        public Builder deterministicSignatures(boolean deterministic) {
            this.deterministic = deterministic;
            return this;
        }

        /** A fixed manifest UUID (label {@code urn:c2pa:<uuid>}); default random per signature. */
        public Builder manifestId(UUID id) {
            this.manifestId = id;
            return this;
        }

        /** A fixed claim {@code instanceID}; default {@code xmp:iid:<random uuid>} per signature. */
        public Builder instanceId(String id) {
            this.instanceId = id == null ? null : requireText(id, "instanceID");
            return this;
        }

        /** When set, each action records {@code when} from this clock (seconds); default omitted. */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** Validates and builds. */
        public C2paSigner build() {
            if (key == null || chain.isEmpty()) {
                throw new IllegalStateException("credentials are required");
            }
            if (actions.isEmpty()) {
                throw new IllegalStateException("at least one action is required (C2PA 2.2 section 18.14)");
            }
            String first = actions.get(0).action();
            if (!first.equals(Action.CREATED) && !first.equals(Action.EDITED)) {
                throw new IllegalStateException("the first action must be c2pa.created or c2pa.edited (c2pa.opened "
                        + "is written by the signer with its parentOf ingredient; C2PA 2.2 section 18.14)");
            }
            if (first.equals(Action.CREATED) && actions.get(0).digitalSourceType() == null) {
                throw new IllegalStateException("c2pa.created needs a digitalSourceType");
            }
            if (first.equals(Action.CREATED) && parentTitle != null) {
                throw new IllegalStateException("parentTitle applies only to a c2pa.edited manifest");
            }
            for (Action a : actions.subList(1, actions.size())) {
                if (a.action().equals(Action.CREATED) || a.action().equals(Action.OPENED)) {
                    throw new IllegalStateException(a.action() + " may only be the first action "
                            + "(C2PA 2.2 section 15.10.3.2.2)");
                }
            }
            return new C2paSigner(this);
        }

        private static String requireText(String s, String what) {
            Objects.requireNonNull(s, what);
            if (s.isEmpty() || s.length() > Action.MAX_FIELD) {
                throw new IllegalArgumentException(what + " length must be 1.." + Action.MAX_FIELD);
            }
            return s;
        }
    }
}
