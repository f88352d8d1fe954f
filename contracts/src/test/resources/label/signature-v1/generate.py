#!/usr/bin/env python3
"""Independent generator of the markproof/label/v1 signature vectors.

Written apart from the Java code (only the format in contracts/README.md was shared) and run with
Python 3 and pyca/cryptography; LabelSignatureVectorsTest checks the Java implementation against
its output. Run from this directory: python3 generate.py
"""
import base64
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives import serialization

UNRESERVED = set(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")


def pct(value):
    return "".join(chr(b) if b in UNRESERVED else "%%%02X" % b for b in value.encode("utf-8"))


def gtin14(text):
    digits = text.rjust(14, "0")
    body, check = digits[:-1], int(digits[-1])
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    assert (10 - total % 10) % 10 == check, "bad check digit " + text
    return digits


def key(seed_hex):
    priv = Ed25519PrivateKey.from_private_bytes(bytes.fromhex(seed_hex))
    pub = priv.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return priv, pub.hex()


def b64url(data):
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def write(name, lines):
    with open(name, "w") as f:
        f.write("".join("%s: %s\n" % kv for kv in lines))


def valid(name, description, seed, base, gtin, batch, serial, expiry=None):
    priv, pub = key(seed)
    path = "/01/%s/10/%s/21/%s" % (gtin14(gtin), pct(batch), pct(serial))
    message = ("markproof/label/v1\n" + path + "\n").encode("utf-8")
    signature = b64url(priv.sign(message))
    query = ("17=%s&" % expiry if expiry else "") + "8030=" + signature
    lines = [("description", description), ("expect", "valid"), ("seed", seed),
             ("public-key", pub), ("base", base), ("gtin", gtin), ("batch", batch),
             ("serial", serial)]
    if expiry:
        lines.append(("expiry", expiry))
    lines += [("message-hex", message.hex()), ("signature", signature),
              ("uri", base + path + "?" + query)]
    write(name, lines)
    return pub, base + path, signature


def invalid(name, description, pub, uri):
    write(name, [("description", description), ("expect", "invalid"), ("public-key", pub),
                 ("uri", uri)])


RFC8032_TEST1 = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"
SEED_2 = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"
SEED_3 = "a5" * 32

pub1, link1, sig1 = valid("01-basic.txt", "GTIN-14, plain batch and serial (RFC 8032 test 1 key)",
                          RFC8032_TEST1, "https://id.example.com", "09521234543213",
                          "LOT-2026-07", "SN000123")
pub2, link2, sig2 = valid("02-percent-encoding.txt",
                          "CSET 82 punctuation percent-encoded; path prefix in the base",
                          SEED_2, "https://resolver.example.org/markproof", "09521234543213",
                          "A/B+C", "7&8=9?(1)")
valid("03-gtin13-expiry.txt",
      "EAN-13 normalised to GTIN-14; AI 17 carried but not signed; 20-character serial",
      SEED_3, "https://brand.example", "4006381333931", "X", "ABCDEFGHIJ0123456789", "261200")
valid("04-another-host.txt", "the host is not signed: same key and path as 01 under another host",
      RFC8032_TEST1, "https://other-resolver.example.net/x/y", "09521234543213",
      "LOT-2026-07", "SN000123")
invalid("11-tampered-serial.txt", "signature of 01 on a label whose serial was changed",
        pub1, link1.replace("SN000123", "SN000124") + "?8030=" + sig1)
invalid("12-other-key.txt", "signature of 02 checked with the key of 01", pub1,
        link2 + "?8030=" + sig2)
flipped = sig1[:-1] + ("B" if sig1[-1] == "A" else "A")
invalid("13-bit-flipped-signature.txt", "last character of the signature of 01 changed", pub1,
        link1 + "?8030=" + flipped)
invalid("14-tampered-batch.txt", "signature of 01 on a label whose batch was changed", pub1,
        link1.replace("LOT-2026-07", "LOT-2026-08") + "?8030=" + sig1)
invalid("15-swapped-batch-serial.txt", "batch and serial of 01 swapped", pub1,
        link1.replace("10/LOT-2026-07/21/SN000123", "10/SN000123/21/LOT-2026-07") + "?8030=" + sig1)
last = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".index(sig1[-1])
invalid("16-non-canonical-base64.txt",
        "signature of 01 with non-zero unused low bits in its last character: same bytes, other text",
        pub1, link1 + "?8030=" + sig1[:-1] + "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"[last | 1])
