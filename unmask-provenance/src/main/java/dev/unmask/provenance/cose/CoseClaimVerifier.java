package dev.unmask.provenance.cose;

import dev.unmask.provenance.c2pa.SignatureOutcome;
import dev.unmask.provenance.c2pa.ClaimSignatureVerifier;
import com.upokecenter.cbor.CBORObject;
import com.upokecenter.cbor.CBORType;
import dev.unmask.provenance.c2pa.StatusCodes;
import dev.unmask.provenance.c2pa.ValidationStatus;
import dev.unmask.provenance.trust.ChainResult;
import dev.unmask.provenance.trust.ChainValidator;
import dev.unmask.provenance.trust.TrustSettings;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Validates C2PA claim signatures (C2PA specification 2.2, section 15.7 "Validate the Signature", 15.8 "Validate the
 * Time-Stamp", 14.5 certificate profile, 14.4 trust): a COSE_Sign1 over the detached claim, its {@code x5chain}, its
 * RFC 3161 time-stamp and the signer's trust. Produces, in order: {@code timeStamp.*}; the profile violation
 * ({@code signingCredential.invalid} or {@code .expired}); {@code signingCredential.trusted} or {@code .untrusted};
 * {@code signingCredential.ocsp.skipped} when a stapled OCSP response ({@code rVals}) is present (not evaluated);
 * then {@code claimSignature.insideValidity} or {@code .outsideValidity} and {@code claimSignature.validated}, or
 * {@code claimSignature.mismatch}. Validity is judged at the trusted time-stamp's time, else at the validation time.
 * Thread-safe and stateless; hostile input never throws.
 */
public final class CoseClaimVerifier implements ClaimSignatureVerifier {
    private static final String R_VALS = "rVals";
    private static final int EC_SIGNATURE_DER_TAG = 0x30;
    private static final int P256_RAW = 64;
    private static final int P384_RAW = 96;
    private static final int P521_RAW = 132;

    private final TrustSettings trust;
    private final Clock clock;

    /** Verifies against {@code trust}, judging validity at the clock's current time when there is no time-stamp. */
    public CoseClaimVerifier(TrustSettings trust, Clock clock) {
        this.trust = Objects.requireNonNull(trust, "trust");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Verifies against {@code trust} with a fixed validation time. */
    public CoseClaimVerifier(TrustSettings trust, Instant validationTime) {
        this(trust, Clock.fixed(validationTime, ZoneOffset.UTC));
    }

    @Override
    public SignatureOutcome verify(byte[] coseSign1, byte[] claimBytes, String signatureUrl) {
        List<ValidationStatus> st = new ArrayList<>();
        try {
            return run(coseSign1, claimBytes == null ? new byte[0] : claimBytes, signatureUrl, st);
        } catch (RuntimeException | StackOverflowError e) {
            st.add(new ValidationStatus(StatusCodes.GENERAL_ERROR, signatureUrl,
                    "internal error validating the signature: " + e.getClass().getSimpleName()));
            return new SignatureOutcome(st, null, null, null, null, null, false);
        }
    }

    private SignatureOutcome run(byte[] cose, byte[] claim, String url, List<ValidationStatus> st) {
        CoseSign1 sign1;
        try {
            sign1 = CoseSign1.parse(cose);
        } catch (CoseFormatException e) {
            st.add(new ValidationStatus(StatusCodes.CLAIM_SIGNATURE_MISMATCH, url, e.getMessage()));
            return new SignatureOutcome(st, null, null, null, null, null, false);
        }
        Optional<CoseAlgorithm> alg = algorithm(sign1);
        if (alg.isEmpty()) {
            st.add(new ValidationStatus(StatusCodes.ALGORITHM_UNSUPPORTED, url,
                    "missing or unsupported COSE algorithm in the protected header"));
            return new SignatureOutcome(st, null, null, null, null, null, false);
        }
        String algName = alg.get().displayName();
        TimeStampResult tst = TimeStamps.validate(sign1, claim, trust, url);
        st.addAll(tst.statuses());
        List<X509Certificate> chain;
        try {
            chain = X5Chain.extract(sign1, trust.maxChainLength(), trust.maxChainBytes());
        } catch (CoseFormatException e) {
            st.add(new ValidationStatus(StatusCodes.SIGNING_CREDENTIAL_INVALID, url, e.getMessage()));
            return new SignatureOutcome(st, null, null, null, tst.genTime(), algName, false);
        }
        X509Certificate ee = chain.getFirst();
        Instant at = tst.trusted() ? tst.genTime() : clock.instant();
        CertificateProfile.Violation v = CertificateProfile.checkEndEntity(ee, trust.allowedEkus(), at);
        if (v != null) {
            st.add(new ValidationStatus(v.code(), url, v.reason()));
        }
        ChainResult cr = ChainValidator.checkSigner(chain, trust, at);
        st.add(new ValidationStatus(cr.trusted() ? StatusCodes.SIGNING_CREDENTIAL_TRUSTED
                : StatusCodes.SIGNING_CREDENTIAL_UNTRUSTED, url, cr.reason()));
        if (sign1.unprotectedValue(R_VALS) != null) {
            st.add(new ValidationStatus(StatusCodes.SIGNING_CREDENTIAL_OCSP_SKIPPED, url,
                    "stapled OCSP response present but not evaluated"));
        }
        verifySignature(sign1, alg.get(), ee, claim, at, url, st);
        return new SignatureOutcome(st, CertificateNames.subjectName(ee), CertificateNames.subjectOrganization(ee),
                CertificateNames.issuerName(ee), tst.genTime(), algName, cr.trusted());
    }

    private static void verifySignature(CoseSign1 sign1, CoseAlgorithm alg, X509Certificate ee, byte[] claim,
            Instant at, String url, List<ValidationStatus> st) {
        byte[] sig = sign1.signature();
        if (rawEcLength(alg) > 0 && sig.length != rawEcLength(alg) && isDerLike(sig)) {
            st.add(new ValidationStatus(StatusCodes.SIGNING_CREDENTIAL_INVALID, url,
                    "ECDSA signature in DER form; COSE requires raw r||s"));
        }
        byte[] tbs = SigStructures.signature1(sign1.protectedBytes(), claim);
        if (!alg.verify(ee.getPublicKey(), tbs, sig)) {
            st.add(new ValidationStatus(StatusCodes.CLAIM_SIGNATURE_MISMATCH, url,
                    "the claim signature does not verify"));
            return;
        }
        st.add(CertificateProfile.validAt(ee, at)
                ? new ValidationStatus(StatusCodes.CLAIM_SIGNATURE_INSIDE_VALIDITY, url,
                        "signing certificate valid at " + at)
                : new ValidationStatus(StatusCodes.CLAIM_SIGNATURE_OUTSIDE_VALIDITY, url,
                        "signing certificate not valid at " + at));
        st.add(new ValidationStatus(StatusCodes.CLAIM_SIGNATURE_VALIDATED, url, "claim signature valid"));
    }

    /** A DER SEQUENCE whose (short-form) length covers exactly the rest of the signature. */
    private static boolean isDerLike(byte[] sig) {
        return sig.length > 2 && (sig[0] & 0xFF) == EC_SIGNATURE_DER_TAG && (sig[1] & 0xFF) == sig.length - 2;
    }

    /** Length of a raw r||s signature (RFC 9053 section 2.1), 0 for non-ECDSA algorithms. */
    private static int rawEcLength(CoseAlgorithm alg) {
        return switch (alg) {
            case ES256 -> P256_RAW;
            case ES384 -> P384_RAW;
            case ES512 -> P521_RAW;
            default -> 0;
        };
    }

    private static Optional<CoseAlgorithm> algorithm(CoseSign1 sign1) {
        CBORObject a = sign1.protectedValue(CoseSign1.LABEL_ALG);
        if (a == null || a.getType() != CBORType.Integer || !a.CanValueFitInInt64()) {
            return Optional.empty();
        }
        return CoseAlgorithm.fromCoseId(a.AsInt64Value());
    }
}
