package dev.unmask.provenance.cose;

import dev.unmask.provenance.c2pa.SignatureOutcome;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unmask.provenance.c2pa.StatusCodes;
import dev.unmask.provenance.trust.TrustSettings;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Certificate profile (section 14.5) and chain trust with certificates made in the test. */
class CertificateProfileTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final KeyPurposeId C2PA_EKU =
            KeyPurposeId.getInstance(new ASN1ObjectIdentifier(TrustSettings.EKU_C2PA_CLAIM_SIGNING));
    private static final KeyPurposeId DOC_EKU =
            KeyPurposeId.getInstance(new ASN1ObjectIdentifier(TrustSettings.EKU_DOCUMENT_SIGNING));
    private static TestCertificates.Issued root;
    private static TestCertificates.Issued intermediate;

    @BeforeAll
    static void makeRoot() throws Exception {
        root = TestCertificates.root("Profile Root");
        intermediate = TestCertificates.leaf(root, "Profile Intermediate", null, true,
                Instant.parse("2020-06-01T00:00:00Z"), Instant.parse("2039-01-01T00:00:00Z"));
    }

    private static SignatureOutcome signAndVerify(TestCertificates.Issued ee, boolean withIntermediate,
            TrustSettings trust, Instant at) throws Exception {
        List<java.security.cert.X509Certificate> chain = withIntermediate
                ? List.of(ee.cert(), intermediate.cert()) : List.of(ee.cert());
        byte[] cose = CoseSigner.sign(CoseRoundTripTest.CLAIM, ee.key(), chain, CoseAlgorithm.ES256);
        return new CoseClaimVerifier(trust, at).verify(cose, CoseRoundTripTest.CLAIM, CoseRoundTripTest.URL);
    }

    private static TrustSettings anchoredAtRoot() {
        return TrustSettings.builder().anchors(List.of(root.cert())).build();
    }

    @Test
    void goodCertificateThroughIntermediateIsTrusted() throws Exception {
        TestCertificates.Issued ee = TestCertificates.leaf(intermediate, "Good Signer", C2PA_EKU);
        assertNull(CertificateProfile.checkEndEntity(ee.cert(), TrustSettings.DEFAULT_EKUS, NOW));
        SignatureOutcome o = signAndVerify(ee, true, anchoredAtRoot(), NOW);
        assertTrue(o.has(StatusCodes.SIGNING_CREDENTIAL_TRUSTED), o.statuses().toString());
        assertTrue(o.has(StatusCodes.CLAIM_SIGNATURE_VALIDATED));
        assertFalse(o.has(StatusCodes.SIGNING_CREDENTIAL_INVALID));
        assertEquals("Good Signer", o.signerSubject());
        assertEquals("Leaf Org", o.signerOrganization());
    }

    @Test
    void missingIntermediateIsUntrusted() throws Exception {
        TestCertificates.Issued ee = TestCertificates.leaf(intermediate, "Orphan", DOC_EKU);
        SignatureOutcome o = signAndVerify(ee, false, anchoredAtRoot(), NOW);
        assertTrue(o.has(StatusCodes.SIGNING_CREDENTIAL_UNTRUSTED), o.statuses().toString());
        assertTrue(o.has(StatusCodes.CLAIM_SIGNATURE_VALIDATED));
    }

    @Test
    void foreignRootIsUntrusted() throws Exception {
        TestCertificates.Issued ee = TestCertificates.leaf(intermediate, "Signer", C2PA_EKU);
        TrustSettings other = TrustSettings.builder().anchors(List.of(TestCertificates.root("Other").cert())).build();
        assertTrue(signAndVerify(ee, true, other, NOW).has(StatusCodes.SIGNING_CREDENTIAL_UNTRUSTED));
    }

    @Test
    void wrongEkuIsInvalid() throws Exception {
        TestCertificates.Issued ee = TestCertificates.leaf(intermediate, "Web Server", KeyPurposeId.id_kp_serverAuth);
        SignatureOutcome o = signAndVerify(ee, true, anchoredAtRoot(), NOW);
        assertTrue(o.has(StatusCodes.SIGNING_CREDENTIAL_INVALID), o.statuses().toString());
        assertTrue(o.has(StatusCodes.CLAIM_SIGNATURE_VALIDATED), "the signature itself is still checked");
    }

    @Test
    void missingEkuAnyEkuAndTimeStampingMixIsInvalid() throws Exception {
        assertInvalid(TestCertificates.leaf(intermediate, "No EKU", null, false, NOW.minusSeconds(1000),
                NOW.plusSeconds(1000)));
        assertInvalid(TestCertificates.leaf(intermediate, "Any EKU", KeyPurposeId.anyExtendedKeyUsage, C2PA_EKU));
        assertInvalid(TestCertificates.leaf(intermediate, "TS Mix", KeyPurposeId.id_kp_timeStamping, C2PA_EKU));
    }

    private static void assertInvalid(TestCertificates.Issued ee) {
        CertificateProfile.Violation v = CertificateProfile.checkEndEntity(ee.cert(), TrustSettings.DEFAULT_EKUS, NOW);
        assertNotNull(v, ee.cert().getSubjectX500Principal().getName());
        assertEquals(StatusCodes.SIGNING_CREDENTIAL_INVALID, v.code());
    }

    @Test
    void caCertificateAsSignerIsInvalid() throws Exception {
        SignatureOutcome o = signAndVerify(intermediate, false, anchoredAtRoot(), NOW);
        assertTrue(o.has(StatusCodes.SIGNING_CREDENTIAL_INVALID), o.statuses().toString());
    }

    @Test
    void expiredCertificateGivesExpiredAndOutsideValidity() throws Exception {
        TestCertificates.Issued ee = TestCertificates.leaf(intermediate, "Old", new KeyPurposeId[] {C2PA_EKU}, false,
                Instant.parse("2021-01-01T00:00:00Z"), Instant.parse("2022-01-01T00:00:00Z"));
        SignatureOutcome o = signAndVerify(ee, true, anchoredAtRoot(), NOW);
        assertTrue(o.has(StatusCodes.SIGNING_CREDENTIAL_EXPIRED), o.statuses().toString());
        assertTrue(o.has(StatusCodes.CLAIM_SIGNATURE_OUTSIDE_VALIDITY));
        assertFalse(o.has(StatusCodes.CLAIM_SIGNATURE_INSIDE_VALIDITY));
        SignatureOutcome then = signAndVerify(ee, true, anchoredAtRoot(), Instant.parse("2021-06-01T00:00:00Z"));
        assertTrue(then.has(StatusCodes.CLAIM_SIGNATURE_INSIDE_VALIDITY), then.statuses().toString());
        assertTrue(then.has(StatusCodes.SIGNING_CREDENTIAL_TRUSTED));
    }

    @Test
    void customEkuConfigurationIsHonoured() throws Exception {
        TestCertificates.Issued ee = TestCertificates.leaf(intermediate, "Mail", KeyPurposeId.id_kp_emailProtection);
        assertNull(CertificateProfile.checkEndEntity(ee.cert(), TrustSettings.DEFAULT_EKUS, NOW));
        assertNotNull(CertificateProfile.checkEndEntity(ee.cert(), java.util.Set.of(TrustSettings.EKU_C2PA_CLAIM_SIGNING),
                NOW));
    }
}
