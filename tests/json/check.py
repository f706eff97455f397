#!/usr/bin/env python3
"""check.py - the JSON view of the report against its schema and against the XML (issue 16).

  check.py [--list FILE] [JSON XML ...]

For each pair (JSON file, XML report of the same run), prints PASS or FAIL lines, then "N passed, N failed":
  - the JSON parses strictly (RFC 8259: no raw control characters, no NaN) and validates against
    schemas/report.schema.json (JSON Schema draft-07, python3-jsonschema);
  - it equals the XML mapped by this file's own reading of the rules in src/json.c's design comment (an
    implementation written apart from the C one), so every status, reason, evidence item and provenance value of
    the XML is in the JSON, and nothing else is;
    attributes typed by their type in report.xsd, read here from the XSD itself (integer, number, boolean; numbers
    compared digit for digit with the XML's text, not as floats);
  - every biomarker's status and reason ({"code", "text"}) are in the JSON as in the XML (said apart, for the message);
  - no "</" or raw U+2028/U+2029 in the bytes (the text may be pasted into a <script> block).
Once: every enumeration of schemas/report.xsd is the same set in the JSON Schema (status words, genes, ...), and
every attribute of report.xsd has in the JSON Schema the JSON type its XSD type maps to.
--list FILE: pairs one per line, "JSON XML".
"""
import json
import math
import re
import sys
import xml.etree.ElementTree as ET

import jsonschema

TOP = __file__.rsplit("/tests/json/", 1)[0] if "/tests/json/" in __file__ else "."
ARRAYS = {("mcrc-report", "biomarker"), ("biomarker", "evidence"), ("biomarker", "hotspot"), ("biomarker", "variant"),
          ("biomarker", "not-listed"), ("interpretation", "rule"), ("interpretation", "block"), ("block", "source"),
          ("ul", "li"), ("provenance", "library"), ("provenance", "input")}
ORDERED = {("block", "p"), ("block", "ul")}
TEXT_ONLY = {"command-line", "time", "title", "p", "li"}
TEXT_ATTR = {"source", "reason"}
XS = "{http://www.w3.org/2001/XMLSchema}"
XS_INTEGERS = {"xs:integer", "xs:int", "xs:long", "xs:short", "xs:byte", "xs:nonNegativeInteger", "xs:positiveInteger",
               "xs:nonPositiveInteger", "xs:negativeInteger", "xs:unsignedLong", "xs:unsignedInt", "xs:unsignedShort",
               "xs:unsignedByte"}
XS_NUMBERS = {"xs:double", "xs:decimal", "xs:float"}
JSON_INT = re.compile(r"-?(0|[1-9][0-9]*)")
JSON_NUM = re.compile(r"-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?")

npass = nfail = 0


def result(ok, what):
    global npass, nfail
    if ok:
        npass += 1
        print("PASS " + what)
    else:
        nfail += 1
        print("FAIL " + what)


def xsd_attr_kinds():
    """(element name, attribute name) -> "integer", "number", "boolean" or "string", from report.xsd's types"""
    tree = ET.parse(TOP + "/schemas/report.xsd").getroot()
    parent = {c: p for p in tree.iter() for c in p}
    simple = {st.get("name"): st for st in tree.findall(XS + "simpleType")}

    def simple_kind(st):
        r = st.find(XS + "restriction")
        if r is None:
            return "string"
        if sorted(en.get("value") for en in r.findall(XS + "enumeration")) == ["false", "true"]:
            return "boolean"
        return type_kind(r.get("base"))

    def type_kind(t):
        if t in simple:
            return simple_kind(simple[t])
        return "integer" if t in XS_INTEGERS else "number" if t in XS_NUMBERS else "boolean" if t == "xs:boolean" else "string"

    out = {}
    for a in tree.iter(XS + "attribute"):
        st = a.find(XS + "simpleType")
        kind = type_kind(a.get("type")) if a.get("type") else simple_kind(st) if st is not None else "string"
        ct = parent[a]
        while ct.tag != XS + "complexType":
            ct = parent[ct]
        owners = [parent[ct].get("name")] if ct.get("name") is None else \
            [e.get("name") for e in tree.iter(XS + "element") if e.get("type") == ct.get("name")]
        for owner in owners:
            key = (owner, a.get("name"))
            assert out.get(key, kind) == kind, "report.xsd: <%s %s> has two types" % key
            out[key] = kind
    return out


KINDS = {}


def typed(element, name, text):
    """an attribute's JSON value: numbers as ("integer"|"number", digits), as json.loads below reads them"""
    kind = KINDS.get((element, name), "string")
    if kind == "string":
        return text
    if kind == "boolean":
        if text not in ("true", "false"):
            raise ValueError("<%s %s=%r>: not a boolean" % (element, name, text))
        return text == "true"
    if not (JSON_INT if kind == "integer" else JSON_NUM).fullmatch(text):
        raise ValueError("<%s %s=%r>: not a JSON %s" % (element, name, text, kind))
    v = float(text)
    if not math.isfinite(v) or (v == 0 and re.search(r"[1-9]", text.split("e")[0].split("E")[0])):
        raise ValueError("<%s %s=%r>: beyond a double" % (element, name, text))
    return ("integer" if JSON_INT.fullmatch(text) else "number", text)


def mapped(e):
    """the JSON value of element e, by the rules of src/json.c"""
    if e.tag in TEXT_ONLY:
        return e.text or ""
    d = {k: typed(e.tag, k, v) for k, v in e.attrib.items()}
    if e.tag in TEXT_ATTR:
        d["text"] = e.text or ""
        return d
    for c in e:
        key = (e.tag, c.tag)
        if key in ORDERED:
            d.setdefault("content", []).append({c.tag: mapped(c)})
        elif key in ARRAYS:
            d.setdefault(c.tag, []).append(mapped(c))
        else:
            assert c.tag not in d, "two members named %s" % c.tag
            d[c.tag] = mapped(c)
    for parent, child in ARRAYS:
        if parent == e.tag:
            d.setdefault(child, [])
    if any(p == e.tag for p, _ in ORDERED):
        d.setdefault("content", [])
    return d


def no_constant(name):
    raise ValueError("not JSON: " + name)


def check_pair(validator, fj, fx):
    raw = open(fj, "rb").read()
    try:
        doc = json.loads(raw.decode("utf-8"), parse_constant=no_constant)
    except ValueError as e:
        result(False, "%s: not strict JSON: %s" % (fj, e))
        return
    # numbers kept as their digits, to compare with the XML's text (the schema sees ordinary numbers)
    exact = json.loads(raw.decode("utf-8"), parse_constant=no_constant,
                       parse_float=lambda t: ("number", t), parse_int=lambda t: ("integer", t))
    errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.path))
    result(not errors, "%s: validates against report.schema.json%s" % (
        fj, "" if not errors else ": " + "; ".join("%s: %s" % ("/".join(map(str, e.path)), e.message[:200]) for e in errors[:3])))
    root = ET.parse(fx).getroot()
    try:
        want = mapped(root)
    except ValueError as e:
        want = None
        result(False, "%s: %s" % (fx, e))
    result(exact == want, "%s: the same content as %s" % (fj, fx))
    bad = []
    for i, b in enumerate(root.findall("biomarker")):
        jb = doc.get("biomarker", [])[i] if i < len(doc.get("biomarker", [])) else {}
        r = b.find("reason")
        want_reason = {"text": r.text or ""} if r is not None else None
        if r is not None and r.get("code") is not None:
            want_reason["code"] = r.get("code")
        if jb.get("gene") != b.get("gene") or jb.get("status") != b.get("status") or jb.get("reason") != want_reason:
            bad.append(b.get("gene"))
    result(not bad, "%s: every status and reason of the XML%s" % (fj, "" if not bad else ": differs for " + ", ".join(bad)))
    text = raw.decode("utf-8")
    result("</" not in text and "\u2028" not in text and "\u2029" not in text, "%s: no '</' and no raw U+2028/U+2029" % fj)


def xsd_enums():
    """attribute or simple type name -> set of enumerated values in report.xsd"""
    xs = "{http://www.w3.org/2001/XMLSchema}"
    tree = ET.parse(TOP + "/schemas/report.xsd").getroot()
    named = {}
    for st in tree.findall(xs + "simpleType"):
        vals = {en.get("value") for en in st.iter(xs + "enumeration")}
        if vals:
            named[st.get("name")] = vals
    out = {}
    for a in tree.iter(xs + "attribute"):
        vals = {en.get("value") for en in a.iter(xs + "enumeration")}
        if not vals and a.get("type") in named:
            vals = named[a.get("type")]
        if vals and vals != {"true", "false"}:       # yesno is a JSON boolean (the type check below)
            out.setdefault(a.get("name"), []).append(vals)
    return out


def schema_properties(schema):
    """(element name, member name, the member's schema with $ref followed) for every property of the JSON Schema"""
    defs = schema["definitions"]
    out = []

    def resolve(s):
        while "$ref" in s:
            s = defs[s["$ref"].rsplit("/", 1)[1]]
        return s

    def walk(element, s):
        s = resolve(s)
        for name, p in s.get("properties", {}).items():
            out.append((element, name, resolve(p)))
            walk(name, p)
        if "items" in s:
            walk(element, s["items"])
        for alt in s.get("oneOf", []):
            walk(element, alt)

    walk("mcrc-report", schema)
    return out


def schema_enums(schema):
    """property name -> list of enum sets in the JSON Schema"""
    out = {}
    for _, name, p in schema_properties(schema):
        if "enum" in p:
            out.setdefault(name, []).append(set(p["enum"]))
    return out


def schema_types(schema):
    """(element name, attribute name) -> the set of JSON Schema "type"s of that member"""
    out = {}
    for element, name, p in schema_properties(schema):
        out.setdefault((element, name), set()).add(p.get("type"))
    return out


def main(argv):
    pairs = []
    if argv[:1] == ["--list"]:
        pairs += [tuple(line.split()) for line in open(argv[1]) if line.strip()]
        argv = argv[2:]
    pairs += list(zip(argv[0::2], argv[1::2]))
    schema = json.load(open(TOP + "/schemas/report.schema.json"))
    jsonschema.Draft7Validator.check_schema(schema)
    result(True, "report.schema.json is a valid draft-07 schema")
    xe, je = xsd_enums(), schema_enums(schema)
    for name in sorted(set(xe) | set(je)):
        xs_sets = sorted(map(sorted, xe.get(name, [])))
        js_sets = sorted(map(sorted, je.get(name, [])))
        # an attribute may be enumerated in several places (build, class): each set must be the XSD's
        ok = bool(xs_sets) and bool(js_sets) and all(s in xs_sets for s in js_sets) and all(s in js_sets for s in xs_sets)
        result(ok, "enumeration of %s: XSD %s, JSON Schema %s" % (name, xs_sets, js_sets))
    KINDS.update(xsd_attr_kinds())
    st = schema_types(schema)
    for key in sorted(KINDS):
        types = st.get(key, set())
        result(types == {KINDS[key]}, "type of <%s %s>: XSD %s, JSON Schema %s" % (key + (KINDS[key], sorted(map(str, types)))))
    validator = jsonschema.Draft7Validator(schema)
    for fj, fx in pairs:
        check_pair(validator, fj, fx)
    print("%d passed, %d failed" % (npass, nfail))
    return 1 if nfail else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
