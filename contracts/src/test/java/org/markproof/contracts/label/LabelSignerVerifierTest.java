package org.markproof.contracts.label;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.EdECPoint;
import java.security.spec.EdECPublicKeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.Base64;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.markproof.contracts.crypto.Ed25519PrivateKey;

class LabelSignerVerifierTest {
  private static Ed25519PrivateKey key(int seedByte) throws Exception {
    byte[] seed = new byte[32];
    java.util.Arrays.fill(seed, (byte) seedByte);
    return Ed25519PrivateKey.fromSeed(seed);
  }

  @Test
  void signedLabelVerifiesAndCarriesEightySixCharacterSignature() throws Exception {
    Ed25519PrivateKey key = key(1);
    DigitalLink link =
        LabelSigner.forResolver("https://id.example.com")
            .sign(key, Gtin.parse("9520123456788"), "LOT 7".replace(' ', '-'), "SN/42");
    assertEquals(86, link.signature().orElseThrow().length());
    assertTrue(
        link.toUri()
            .startsWith("https://id.example.com/01/09520123456788/10/LOT-7/21/SN%2F42?8030="));
    LabelVerifier.verify(key.publicKey(), DigitalLink.parse(link.toUri()));
    LabelVerifier.verify(key.publicKey(), ElementString.parse(ElementString.format(link.fields())));
  }

  @Test
  void rejectsWrongKeyTamperedSerialAndMissingSignature() throws Exception {
    Ed25519PrivateKey key = key(2);
    DigitalLink link =
        LabelSigner.forResolver("https://a.example")
            .sign(key, Gtin.parse("09520123456788"), "B1", "S1");
    assertThrows(
        LabelSignatureException.class, () -> LabelVerifier.verify(key(3).publicKey(), link));
    DigitalLink tampered = DigitalLink.parse(link.toUri().replace("/21/S1", "/21/S2"));
    LabelSignatureException e =
        assertThrows(
            LabelSignatureException.class, () -> LabelVerifier.verify(key.publicKey(), tampered));
    assertEquals("/01/09520123456788/10/B1/21/S2", e.canonicalPath());
    DigitalLink unsigned = DigitalLink.parse("https://a.example/01/09520123456788/10/B1/21/S1");
    assertThrows(
        LabelSignatureException.class, () -> LabelVerifier.verify(key.publicKey(), unsigned));
    DigitalLink noBatch = DigitalLink.parse(link.toUri().replace("/10/B1", ""));
    assertThrows(
        LabelSignatureException.class, () -> LabelVerifier.verify(key.publicKey(), noBatch));
  }

  @Test
  void signaturesVerifyWithTheJdkEd25519OnRandomItems() throws Exception {
    SplittableRandom random = new SplittableRandom(99);
    KeyFactory factory = KeyFactory.getInstance("Ed25519");
    for (int n = 0; n < 50; n++) {
      Ed25519PrivateKey key = key(random.nextInt(256));
      String batch = "B" + random.nextInt(1_000_000);
      String serial = "S" + Long.toString(random.nextLong() & Long.MAX_VALUE, 36) + "&(x)";
      Gs1Fields signed =
          LabelSigner.signFields(
              key, Gs1Fields.of(Gtin.parse("09520123456788"), batch, serial, null, null));
      String message =
          "markproof/label/v1\n/01/09520123456788/10/"
              + batch
              + "/21/"
              + serial.replace("&", "%26").replace("(", "%28").replace(")", "%29")
              + "\n";
      Signature jdk = Signature.getInstance("Ed25519");
      jdk.initVerify(jdkKey(factory, key.publicKey().bytes()));
      jdk.update(message.getBytes(StandardCharsets.UTF_8));
      assertTrue(jdk.verify(Base64.getUrlDecoder().decode(signed.signature().orElseThrow())));
    }
  }

  private static PublicKey jdkKey(KeyFactory factory, byte[] encoded) throws Exception {
    byte[] reversed = new byte[32];
    for (int i = 0; i < 32; i++) {
      reversed[i] = encoded[31 - i];
    }
    boolean xOdd = (reversed[0] & 0x80) != 0;
    reversed[0] &= 0x7f;
    EdECPoint point = new EdECPoint(xOdd, new BigInteger(1, reversed));
    return factory.generatePublic(new EdECPublicKeySpec(NamedParameterSpec.ED25519, point));
  }
}
