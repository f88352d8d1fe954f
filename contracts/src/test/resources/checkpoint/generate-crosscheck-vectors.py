#!/usr/bin/env python3
"""Writes the crosscheck-* vectors of this folder with an implementation independent of the Java
code: Python's `cryptography` package for Ed25519 and hashlib for SHA-256, formats written from the
C2SP spec texts (signed-note, tlog-checkpoint, tlog-cosignature, tlog-proof). Ed25519 signing is
deterministic, so running it again writes the same bytes.

    python3 generate-crosscheck-vectors.py   # from this folder
"""
import base64, hashlib, struct
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

DASH = "\u2014"

def key(label):
    seed = hashlib.sha256(label.encode()).digest()
    priv = Ed25519PrivateKey.from_private_bytes(seed)
    pub = priv.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    return priv, pub

def key_id(name, typ, pub):
    return hashlib.sha256(name.encode() + b"\n" + bytes([typ]) + pub).digest()[:4]

def vkey(name, typ, pub):
    return f"{name}+{key_id(name, typ, pub).hex()}+{base64.b64encode(bytes([typ]) + pub).decode()}"

def sig_line(name, kid, sig):
    return f"{DASH} {name} {base64.b64encode(kid + sig).decode()}\n"

def leaf(data):
    return hashlib.sha256(b"\x00" + data).digest()

def node(l, r):
    return hashlib.sha256(b"\x01" + l + r).digest()

def mth(leaves):  # RFC 6962 2.1
    if len(leaves) == 1:
        return leaves[0]
    k = 1
    while k * 2 < len(leaves):
        k *= 2
    return node(mth(leaves[:k]), mth(leaves[k:]))

def path(m, leaves):  # RFC 6962 2.1.1
    if len(leaves) == 1:
        return []
    k = 1
    while k * 2 < len(leaves):
        k *= 2
    if m < k:
        return path(m, leaves[:k]) + [mth(leaves[k:])]
    return path(m - k, leaves[k:]) + [mth(leaves[:k])]

log_name, witness_name = "crosscheck.example/log", "crosscheck.example/witness"
log_priv, log_pub = key("markproof crosscheck log key")
wit_priv, wit_pub = key("markproof crosscheck witness key")
entries = [f"entry {i}\n".encode() for i in range(7)]
leaves = [leaf(e) for e in entries]
text = f"{log_name}\n{len(leaves)}\n{base64.b64encode(mth(leaves)).decode()}\n"
timestamp = 1767225600  # 2026-01-01T00:00:00Z
cosigned = f"cosignature/v1\ntime {timestamp}\n".encode() + text.encode()
note = (text + "\n"
        + sig_line(log_name, key_id(log_name, 1, log_pub), log_priv.sign(text.encode()))
        + sig_line(witness_name, key_id(witness_name, 4, wit_pub),
                   struct.pack(">Q", timestamp) + wit_priv.sign(cosigned)))
index = 5
proof = ("c2sp.org/tlog-proof@v1\n"
         + f"extra {base64.b64encode(b'crosscheck extra data').decode()}\n"
         + f"index {index}\n"
         + "".join(base64.b64encode(h).decode() + "\n" for h in path(index, leaves))
         + "\n" + note)

def write(name, content):
    with open(name, "w", encoding="utf-8", newline="") as f:
        f.write(content)

write("crosscheck-log.vkey", vkey(log_name, 1, log_pub) + "\n")
write("crosscheck-witness.vkey", vkey(witness_name, 4, wit_pub) + "\n")
write("crosscheck-cosigned.note", note)
write("crosscheck-entry-5.txt", entries[index].decode())
write("crosscheck-index-5.tlog-proof", proof)
