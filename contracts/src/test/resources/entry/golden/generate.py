#!/usr/bin/env python3
"""Writes the golden statement and signed-entry files of this directory.

Independent of the Java code under test: canonical bytes come from Python's json module with
sorted keys, compact separators and ensure_ascii=False, which for these values (ASCII member
names, integers below 2**53, no control characters) is exactly RFC 8785. The signature comes from
the `cryptography` package's Ed25519. Run from this directory: python3 generate.py
"""
import base64, json
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives import serialization

def raw_pub(seed_hex):
    k = Ed25519PrivateKey.from_private_bytes(bytes.fromhex(seed_hex))
    return k, k.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)

# RFC 8032 §7.1 TEST 1 (= RFC 8037 appendix A.1) and TEST 2 keys.
SEED_1 = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"
SEED_2 = "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb"
KEY_1, PUB_1 = raw_pub(SEED_1)
_, PUB_2 = raw_pub(SEED_2)
B64_1 = base64.b64encode(PUB_1).decode()
B64_2 = base64.b64encode(PUB_2).decode()

def gtin(body13):
    s = sum((3 if i % 2 == 0 else 1) * int(d) for i, d in enumerate(reversed(body13)))
    return body13 + str((10 - s % 10) % 10)

GTIN = gtin("0950600013435")
MARK = {"office": "EM", "number": "018000001"}
T = "markproof/statement/v1"

STATEMENTS = {
 "participant.enrolled": {"type": T, "kind": "participant.enrolled", "submitter": "operator-1",
   "participant": "euipo", "displayName": "Office de l'Union européenne pour la propriété intellectuelle",
   "role": {"type": "registrar", "office": "EM"}, "publicKey": B64_2},
 "participant.key-rotated": {"type": T, "kind": "participant.key-rotated", "submitter": "operator-1",
   "participant": "acme", "publicKey": B64_2},
 "participant.revoked": {"type": T, "kind": "participant.revoked", "submitter": "operator-1",
   "participant": "acme-old"},
 "trademark.recorded": {"type": T, "kind": "trademark.recorded", "submitter": "euipo",
   "trademark": MARK, "mark": {"type": "word", "text": "ACME Sprint™"}, "niceClasses": [25, 3],
   "holder": "acme", "filingDate": "2019-12-01", "registrationDate": "2020-05-06",
   "expiryDate": "2029-12-01"},
 "trademark.status-changed": {"type": T, "kind": "trademark.status-changed", "submitter": "euipo",
   "trademark": MARK, "status": "renewed", "newExpiryDate": "2039-12-01", "effectiveDate": "2029-12-01"},
 "trademark.assigned": {"type": T, "kind": "trademark.assigned", "submitter": "euipo",
   "trademark": MARK, "newHolder": "globex", "effectiveDate": "2026-03-01"},
 "license.granted": {"type": T, "kind": "license.granted", "submitter": "acme",
   "license": "lic-2026-001", "licensor": "acme", "licensee": "initech", "trademark": MARK,
   "scope": {"gtins": [GTIN], "companyPrefixes": ["9506000"], "niceClasses": [25],
             "territories": ["FR", "DE", "EM"]},
   "startDate": "2026-01-01", "endDate": "2028-12-31"},
 "license.terminated": {"type": T, "kind": "license.terminated", "submitter": "acme",
   "license": "lic-2026-001", "effectiveDate": "2027-06-30"},
 "product.registered": {"type": T, "kind": "product.registered", "submitter": "acme",
   "gtin": GTIN, "trademark": MARK, "niceClass": 25,
   "description": "Running shoe \u201cSprint\u201d \u2014 size 42", "territories": ["EM", "GB"]},
 "batch.issued": {"type": T, "kind": "batch.issued", "submitter": "acme", "gtin": GTIN,
   "batch": "L2026-04/A", "serialCount": 5000, "labelKey": B64_2, "issueDate": "2026-04-15"},
 "label.revoked": {"type": T, "kind": "label.revoked", "submitter": "acme", "gtin": GTIN,
   "batch": "L2026-04/A", "serials": ["0001", "0002", "A-17"], "reason": "stolen"},
 "batch.revoked": {"type": T, "kind": "batch.revoked", "submitter": "acme", "gtin": GTIN,
   "batch": "L2026-04/A", "reason": "recall"},
 "seizure.recorded": {"type": T, "kind": "seizure.recorded", "submitter": "customs-fr-cdg-7",
   "scanReference": "scan-20260601-000042", "gtin": GTIN, "batch": "L2026-04/A", "serial": "9999",
   "post": "FR-CDG", "seizedAt": "2026-06-01T09:30:00Z", "reason": "counterfeit"},
}

def shuffled(value):
    """Reverses member order at every level, so the input is never already sorted."""
    if isinstance(value, dict):
        return {k: shuffled(value[k]) for k in reversed(list(value))}
    if isinstance(value, list):
        return [shuffled(v) for v in value]
    return value

def canonical(value):
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")

def write(name, value):
    # Input: reversed members, indented, non-ASCII as \u escapes: valid but far from canonical.
    with open(name + ".input.json", "w", encoding="ascii") as f:
        f.write(json.dumps(shuffled(value), indent=3, ensure_ascii=True) + "\n")
    data = canonical(value)
    with open(name + ".canonical.json", "wb") as f:
        f.write(data)
    with open(name + ".hex", "w") as f:
        f.write(data.hex() + "\n")

for kind, statement in STATEMENTS.items():
    write(kind, statement)

# A signed entry: the genesis statement, an operator enrolling itself, signed with SEED_1.
genesis = {"type": T, "kind": "participant.enrolled", "submitter": "operator-1",
           "participant": "operator-1", "displayName": "Markproof operations",
           "role": {"type": "operator"}, "publicKey": B64_1}
x = base64.urlsafe_b64encode(PUB_1).decode().rstrip("=")
jwk = '{"crv":"Ed25519","kty":"OKP","x":"' + x + '"}'
import hashlib
key_id = base64.urlsafe_b64encode(hashlib.sha256(jwk.encode()).digest()).decode().rstrip("=")
signature = KEY_1.sign(canonical(genesis))
write("signed-entry", {"keyId": key_id, "signature": base64.b64encode(signature).decode(),
                       "statement": genesis})
with open("signed-entry.seed.hex", "w") as f:
    f.write(SEED_1 + "\n")
print("key id", key_id)
