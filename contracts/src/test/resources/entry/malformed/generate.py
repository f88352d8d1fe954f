#!/usr/bin/env python3
"""Writes one malformed input per file, each breaking one rule of the strict parser, and
cases.tsv: file, parser (statement or entry), the JSON path the error must name and a fragment of
the message. Starts from the golden statements of ../golden. Run from this directory."""
import json, copy

def golden(kind):
    with open("../golden/" + kind + ".canonical.json", encoding="utf-8") as f:
        return json.load(f)

CASES = []

def case(name, parser, path, fragment, value=None, text=None):
    data = text if text is not None else json.dumps(value, indent=1, ensure_ascii=False)
    with open(name + ".json", "w", encoding="utf-8", newline="") as f:
        f.write(data)
    CASES.append((name + ".json", parser, path, fragment))

def mutated(kind, change):
    value = copy.deepcopy(golden(kind))
    change(value)
    return value

batch = golden("batch.issued")
case("unknown-field", "statement", "statement.colour", "unknown field",
     mutated("batch.issued", lambda v: v.update(colour="red")))
case("unknown-field-in-scope", "statement", "statement.scope.regions", "unknown field",
     mutated("license.granted", lambda v: v["scope"].update(regions=["EU"])))
case("unknown-field-in-role", "statement", "statement.role.office", "unknown field",
     mutated("participant.enrolled", lambda v: v.update(role={"type": "operator", "office": "EM"})))
case("missing-field", "statement", "statement.labelKey", "missing required field",
     mutated("batch.issued", lambda v: v.pop("labelKey")))
case("missing-field-in-trademark", "statement", "statement.trademark.number",
     "missing required field", mutated("trademark.recorded", lambda v: v["trademark"].pop("number")))
case("missing-renewal-expiry", "statement", "statement.newExpiryDate", "missing required field",
     mutated("trademark.status-changed", lambda v: v.pop("newExpiryDate")))
case("expiry-on-lapse", "statement", "statement.newExpiryDate", "only allowed when status is renewed",
     mutated("trademark.status-changed", lambda v: v.update(status="lapsed")))
case("wrong-type-string-for-integer", "statement", "statement.serialCount",
     "expected an integer, got a string",
     mutated("batch.issued", lambda v: v.update(serialCount="5000")))
case("wrong-type-string-for-array", "statement", "statement.territories",
     "expected an array, got a string",
     mutated("product.registered", lambda v: v.update(territories="EM")))
case("wrong-type-null", "statement", "statement.displayName", "expected a string, got null",
     mutated("participant.enrolled", lambda v: v.update(displayName=None)))
case("wrong-type-in-list", "statement", "statement.scope.niceClasses[0]",
     "expected an integer, got a string",
     mutated("license.granted", lambda v: v["scope"].update(niceClasses=["25"])))
case("non-integer-fraction", "statement", "statement.serialCount", "fraction or exponent",
     text=json.dumps(batch).replace('"serialCount": 5000', '"serialCount": 5000.5'))
case("non-integer-exponent", "statement", "statement.serialCount", "fraction or exponent",
     text=json.dumps(batch).replace('"serialCount": 5000', '"serialCount": 5e3'))
case("integer-out-of-range", "statement", "statement.niceClass", "expected an integer from 1 to 45",
     mutated("product.registered", lambda v: v.update(niceClass=46)))
case("oversized-description", "statement", "statement.description", "expected at most 1000",
     mutated("product.registered", lambda v: v.update(description="x" * 1001)))
case("oversized-serials", "statement", "statement.serials", "got 1001 items, expected at most 1000",
     mutated("label.revoked", lambda v: v.update(serials=[str(i) for i in range(1001)])))
case("oversized-batch", "statement", "statement.batch", "expected at most 20",
     mutated("batch.issued", lambda v: v.update(batch="L" * 21)))
case("oversized-entry", "statement", "statement", "expected at most 65536",
     text=json.dumps(batch)[:-1] + " " * 66000 + "}")
case("duplicate-key", "statement", "statement.gtin", "duplicate key",
     text=json.dumps(batch)[:-1] + ', "gtin": "09506000134352"}')
case("duplicate-key-nested", "statement", "statement.trademark.office", "duplicate key",
     text=json.dumps(golden("trademark.assigned")).replace('"office": "EM"', '"office": "EM", "office": "AU"'))
case("duplicate-list-item", "statement", "statement.serials[2]", "listed twice",
     mutated("label.revoked", lambda v: v.update(serials=["0001", "0002", "0001"])))
case("gtin-check-digit", "statement", "statement.scope.gtins[1]", "check digit",
     mutated("license.granted", lambda v: v["scope"].update(gtins=[v["scope"]["gtins"][0], "09506000134353"])))
case("gtin-too-short", "statement", "statement.gtin", "expected a GTIN-14",
     mutated("batch.issued", lambda v: v.update(gtin="9506000134352")))
case("office-not-st3", "statement", "statement.trademark.office", "not a WIPO ST.3 code",
     mutated("trademark.recorded", lambda v: v["trademark"].update(office="XX")))
case("territory-lowercase", "statement", "statement.territories[1]", "two capital letters",
     mutated("product.registered", lambda v: v.update(territories=["EM", "gb"])))
case("batch-outside-cset82", "statement", "statement.batch", "CSET 82",
     mutated("batch.issued", lambda v: v.update(batch="L#1")))
case("date-not-in-calendar", "statement", "statement.issueDate", "not a calendar date",
     mutated("batch.issued", lambda v: v.update(issueDate="2026-02-30")))
case("date-with-time", "statement", "statement.effectiveDate", "expected a date yyyy-MM-dd",
     mutated("trademark.assigned", lambda v: v.update(effectiveDate="2026-03-01T00:00:00Z")))
case("instant-with-offset", "statement", "statement.seizedAt", "RFC 3339 UTC",
     mutated("seizure.recorded", lambda v: v.update(seizedAt="2026-06-01T09:30:00+00:00")))
case("instant-non-canonical-fraction", "statement", "statement.seizedAt", "RFC 3339 UTC",
     mutated("seizure.recorded", lambda v: v.update(seizedAt="2026-06-01T09:30:00.000Z")))
case("serial-without-batch", "statement", "statement.serial", "only allowed together with batch",
     mutated("seizure.recorded", lambda v: v.pop("batch")))
case("public-key-wrong-length", "statement", "statement.publicKey", "expected 32",
     mutated("participant.key-rotated", lambda v: v.update(publicKey="AAAA")))
case("public-key-not-canonical-base64", "statement", "statement.labelKey", "not canonical base64",
     mutated("batch.issued", lambda v: v.update(labelKey=v["labelKey"].rstrip("="))))
case("figurative-hash-uppercase", "statement", "statement.mark.imageSha256", "lowercase hex",
     mutated("trademark.recorded", lambda v: v.update(mark={"type": "figurative", "imageSha256": "AB" * 32})))
case("wrong-type-marker", "statement", "statement.type", "markproof/statement/v1",
     mutated("batch.issued", lambda v: v.update(type="markproof/statement/v2")))
case("unknown-kind", "statement", "statement.kind", "unknown statement kind",
     mutated("batch.issued", lambda v: v.update(kind="batch.deleted")))
case("unknown-reason", "statement", "statement.reason", "expected one of",
     mutated("batch.revoked", lambda v: v.update(reason="lost")))
case("scope-without-products", "statement", "statement.scope", "at least one GTIN or company prefix",
     mutated("license.granted", lambda v: v["scope"].update(gtins=[], companyPrefixes=[])))
case("lone-surrogate", "statement", "statement.description", "unpaired surrogate",
     text=json.dumps(golden("product.registered")).replace("size 42", "size \\ud800"))
case("control-character", "statement", "statement.displayName", "control character",
     mutated("participant.enrolled", lambda v: v.update(displayName="Office\u0007")))
case("trailing-content", "statement", "statement", "unexpected content after the JSON value",
     text=json.dumps(batch) + " {}")
case("not-json", "statement", "statement", "not valid JSON", text='{"type": ')
case("not-an-object", "statement", "statement", "expected an object, got an array", text="[]")
case("too-deep", "statement", "statement.scope.gtins[0][0][0][0][0][0]", "nested deeper than 8",
     mutated("license.granted", lambda v: v["scope"].update(gtins=[[[[[[["x"]]]]]]])))
with open("invalid-utf8.json", "wb") as f:
    f.write(json.dumps(batch).replace("acme", "ac\u00e9me").encode("latin-1"))
CASES.append(("invalid-utf8.json", "statement", "statement", "not valid UTF-8"))

signed = json.load(open("../golden/signed-entry.canonical.json", encoding="utf-8"))
def entry_case(name, path, fragment, change=None, text=None):
    value = copy.deepcopy(signed)
    if change:
        change(value)
    case(name, "entry", path, fragment, value=value, text=text)
entry_case("entry-unknown-field", "logIndex", "unknown field", lambda v: v.update(logIndex=7))
entry_case("entry-missing-signature", "signature", "missing required field", lambda v: v.pop("signature"))
entry_case("entry-signature-wrong-length", "signature", "got 63 bytes, expected 64",
           lambda v: v.update(signature="A" * 84))
entry_case("entry-key-id-not-thumbprint", "keyId", "43 base64url characters",
           lambda v: v.update(keyId="operator-1"))
entry_case("entry-statement-field", "statement.role.type", "expected one of",
           lambda v: v["statement"]["role"].update(type="admin"))
entry_case("entry-duplicate-key", "keyId", "duplicate key",
           text=json.dumps(signed)[:-1] + ', "keyId": "x"}')

with open("cases.tsv", "w", encoding="utf-8") as f:
    f.write("# file\tparser\tpath named in the error\tfragment of the message\n")
    for row in CASES:
        f.write("\t".join(row) + "\n")
print(len(CASES), "cases")
