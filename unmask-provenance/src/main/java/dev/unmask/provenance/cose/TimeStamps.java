package dev.unmask.provenance.cose;

import com.upokecenter.cbor.CBORObject;
import com.upokecenter.cbor.CBORType;
import dev.unmask.provenance.c2pa.StatusCodes;
import dev.unmask.provenance.c2pa.ValidationStatus;
import dev.unmask.provenance.trust.ChainValidator;
import dev.unmask.provenance.trust.TrustSettings;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.tsp.Accuracy;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * Validates the RFC 3161 time-stamp of a C2PA claim signature (C2PA specification 2.2, sections 10.3.2.5 and 15.8):
 * the {@code sigTst2} (v2, over the CBOR-encoded signature bytes) or {@code sigTst} (v1, over the claim) unprotected
 * header, {@code {"tstTokens": [{"val": bstr}]}}, where the token's message imprint is the digest of a COSE
 * {@code "CounterSignature"} structure over that data, as the reference implementation computes it. Checks, in the
 * reference implementation's order: parse ({@code timeStamp.malformed}), TSA signature ({@code timeStamp.untrusted}),
 * genTime inside the TSA certificate's validity ({@code timeStamp.outsideValidity}), imprint
 * ({@code timeStamp.validated} / {@code timeStamp.mismatch}), TSA profile and chain ({@code timeStamp.trusted} /
 * {@code timeStamp.untrusted}).
 */
public final class TimeStamps {
    /** Header label of a v1 time-stamp. */
    public static final String SIG_TST = "sigTst";
    /** Header label of a v2 time-stamp. */
    public static final String SIG_TST2 = "sigTst2";
    /** Largest time-stamp token parsed, 1 MiB. */
    public static final int MAX_TOKEN_BYTES = 1 << 20;
    /** Most certificates considered in a token. */
    public static final int MAX_TOKEN_CERTS = 32;
    private static final long MILLIS_PER_SECOND = 1000L;

    private TimeStamps() {}

    /** Validates the time-stamp of {@code sign1}, if any. Never throws. */
    public static TimeStampResult validate(CoseSign1 sign1, byte[] claimBytes, TrustSettings trust, String url) {
        CBORObject v2 = sign1.unprotectedValue(SIG_TST2);
        CBORObject v1 = sign1.unprotectedValue(SIG_TST);
        if (v2 == null && v1 == null) {
            return TimeStampResult.absent();
        }
        List<ValidationStatus> out = new ArrayList<>();
        byte[] data = v2 != null ? CBORObject.FromObject(sign1.signature()).EncodeToBytes() : claimBytes;
        byte[] token = tokenBytes(v2 != null ? v2 : v1);
        if (token == null) {
            out.add(new ValidationStatus(StatusCodes.TIME_STAMP_MALFORMED, url,
                    "time-stamp header is not {tstTokens: [{val: bstr}]} with exactly one token"));
            return new TimeStampResult(out, null, false);
        }
        byte[] imprinted = SigStructures.counterSignature(sign1.protectedBytes(), data);
        try {
            return check(token, imprinted, trust, url, out);
        } catch (Exception | StackOverflowError e) {
            out.add(new ValidationStatus(StatusCodes.TIME_STAMP_MALFORMED, url,
                    "time-stamp token could not be parsed: " + e.getClass().getSimpleName()));
            return new TimeStampResult(out, null, false);
        }
    }

    private static byte[] tokenBytes(CBORObject header) {
        if (header.getType() != CBORType.Map) {
            return null;
        }
        CBORObject tokens = header.get(CBORObject.FromObject("tstTokens"));
        if (tokens == null || tokens.getType() != CBORType.Array || tokens.size() != 1) {
            return null;
        }
        CBORObject t = tokens.get(0);
        CBORObject val = t.getType() == CBORType.Map ? t.get(CBORObject.FromObject("val")) : null;
        if (val == null || val.getType() != CBORType.ByteString) {
            return null;
        }
        byte[] b = val.GetByteString();
        return b.length == 0 || b.length > MAX_TOKEN_BYTES ? null : b;
    }

    private static TimeStampResult check(byte[] bytes, byte[] imprinted, TrustSettings trust, String url,
            List<ValidationStatus> out) throws Exception {
        TimeStampToken token = parseToken(bytes);
        Instant genTime = token.getTimeStampInfo().getGenTime().toInstant();
        Collection<X509CertificateHolder> all = token.getCertificates().getMatches(null);
        if (all.size() > MAX_TOKEN_CERTS) {
            out.add(status(StatusCodes.TIME_STAMP_MALFORMED, url, "too many certificates in the time-stamp"));
            return new TimeStampResult(out, null, false);
        }
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> matches = token.getCertificates().getMatches(token.getSID());
        if (matches.isEmpty()) {
            out.add(status(StatusCodes.TIME_STAMP_UNTRUSTED, url, "time-stamp signer certificate not included"));
            return new TimeStampResult(out, null, false);
        }
        X509CertificateHolder signerHolder = matches.iterator().next();
        if (!token.isSignatureValid(new JcaSimpleSignerInfoVerifierBuilder().build(signerHolder))) {
            out.add(status(StatusCodes.TIME_STAMP_UNTRUSTED, url, "time-stamp signature does not verify"));
            return new TimeStampResult(out, null, false);
        }
        JcaX509CertificateConverter conv = new JcaX509CertificateConverter();
        X509Certificate signer = conv.getCertificate(signerHolder);
        long margin = accuracyMillis(token.getTimeStampInfo().toASN1Structure().getAccuracy());
        if (genTime.isBefore(signer.getNotBefore().toInstant().minusMillis(margin))
                || genTime.isAfter(signer.getNotAfter().toInstant().plusMillis(margin))) {
            out.add(status(StatusCodes.TIME_STAMP_OUTSIDE_VALIDITY, url, "genTime outside the TSA certificate"));
            return new TimeStampResult(out, null, false);
        }
        String hashOid = token.getTimeStampInfo().getMessageImprintAlgOID().getId();
        MessageDigest md;
        try {
            md = MessageDigest.getInstance(hashOid);
        } catch (java.security.NoSuchAlgorithmException e) {
            out.add(status(StatusCodes.TIME_STAMP_UNTRUSTED, url, "unknown imprint digest " + hashOid));
            return new TimeStampResult(out, null, false);
        }
        if (!MessageDigest.isEqual(md.digest(imprinted), token.getTimeStampInfo().getMessageImprintDigest())) {
            out.add(status(StatusCodes.TIME_STAMP_MISMATCH, url, "message imprint does not match the signature"));
            return new TimeStampResult(out, null, false);
        }
        out.add(status(StatusCodes.TIME_STAMP_VALIDATED, url, "time-stamp message imprint matches"));
        List<X509Certificate> chain = orderedChain(signer, all, conv);
        CertificateProfile.Violation v =
                CertificateProfile.checkEndEntity(signer, Set.of(TrustSettings.EKU_TIME_STAMPING), genTime);
        String why = v != null ? v.reason()
                : ChainValidator.toAnchor(chain, trust.tsaAnchors(), genTime).trusted() ? null : "no TSA anchor";
        if (why != null) {
            out.add(status(StatusCodes.TIME_STAMP_UNTRUSTED, url, "time-stamp authority untrusted: " + why));
            return new TimeStampResult(out, genTime, false);
        }
        out.add(status(StatusCodes.TIME_STAMP_TRUSTED, url, "time-stamp authority trusted"));
        return new TimeStampResult(out, genTime, true);
    }

    private static TimeStampToken parseToken(byte[] bytes) throws Exception {
        try {
            return new TimeStampToken(new CMSSignedData(bytes));
        } catch (Exception first) {
            TimeStampToken t = new TimeStampResponse(bytes).getTimeStampToken();
            if (t == null) {
                throw first;
            }
            return t;
        }
    }

    private static List<X509Certificate> orderedChain(X509Certificate signer, Collection<X509CertificateHolder> all,
            JcaX509CertificateConverter conv) throws Exception {
        List<X509Certificate> pool = new ArrayList<>();
        for (X509CertificateHolder h : all) {
            pool.add(conv.getCertificate(h));
        }
        List<X509Certificate> chain = new ArrayList<>(List.of(signer));
        X509Certificate cur = signer;
        while (chain.size() <= pool.size()) {
            X509Certificate next = null;
            for (X509Certificate c : pool) {
                if (c.getSubjectX500Principal().equals(cur.getIssuerX500Principal())
                        && !Arrays.equals(c.getEncoded(), cur.getEncoded())) {
                    next = c;
                    break;
                }
            }
            if (next == null) {
                break;
            }
            chain.add(next);
            cur = next;
        }
        return chain;
    }

    private static long accuracyMillis(Accuracy a) {
        if (a == null) {
            return 0;
        }
        long ms = 0;
        if (a.getSeconds() != null) {
            ms = Math.multiplyExact(a.getSeconds().longValueExact(), MILLIS_PER_SECOND);
        }
        if (a.getMillis() != null) {
            ms = Math.addExact(ms, a.getMillis().longValueExact());
        }
        return Math.max(0, ms);
    }

    private static ValidationStatus status(String code, String url, String why) {
        return new ValidationStatus(code, url, why);
    }
}
