#!/usr/bin/env python3
"""Validates the crate's FHIR R5 export with an independent implementation.

Usage: validate_fhir.py BUNDLE.json   (or `-` for standard input)

The models of the Python package `fhir.resources` (8.x, FHIR R5, pydantic 2) check the
structure of every resource: unknown elements are errors, datatypes and primitive
formats, required elements, choice-type exclusivity and resourceType. The Bundle is
validated as a whole, and each entry's resource again by its own model, so a resource
that the Bundle model accepted loosely is still checked strictly.

Before trusting a pass, the script proves the validator rejects what it must: a copy of
one resource with an unknown element, and one without a required element, have to fail.
What fhir.resources does not check (invariants, bindings, extensions, narratives) is
checked at the profile level by scripts/fhir-validator, and references, coding systems and
FHIR's JSON rules also by the crate's tests (tests/fhir.rs).
"""

import copy
import json
import sys
from collections import Counter

import fhir.resources
from fhir.resources import get_fhir_model_class
from fhir.resources.bundle import Bundle


def validate_resource(resource):
    model = get_fhir_model_class(resource["resourceType"])
    model.model_validate(resource)


def must_fail(what, resource):
    try:
        validate_resource(resource)
    except Exception:  # pydantic.ValidationError, or a TypeError for a wrong shape
        return
    sys.exit(f"validator self-check failed: {what} was accepted")


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    path = sys.argv[1]
    text = sys.stdin.read() if path == "-" else open(path, encoding="utf-8").read()
    data = json.loads(text)

    Bundle.model_validate_json(text)
    errors = []
    for i, entry in enumerate(data.get("entry", [])):
        resource = entry["resource"]
        try:
            validate_resource(resource)
        except Exception as err:  # report every failing resource, not just the first
            errors.append(f"entry[{i}] {resource.get('resourceType')}/{resource.get('id')}: {err}")
    if errors:
        print("\n".join(errors), file=sys.stderr)
        sys.exit(f"FAILED: {len(errors)} invalid resource(s)")

    # The validator must reject an unknown element and a missing required element.
    entries = data.get("entry", [])
    cud = next(e["resource"] for e in entries if e["resource"]["resourceType"] == "ClinicalUseDefinition")
    bad = copy.deepcopy(cud)
    bad["notAnElement"] = True
    must_fail("an unknown element", bad)
    mk = next(e["resource"] for e in entries if e["resource"]["resourceType"] == "MedicationKnowledge")
    bad = copy.deepcopy(mk)
    bad["intendedRoute"] = bad["definitional"]["intendedRoute"]  # the R4 place of routes
    must_fail("an R4-style MedicationKnowledge.intendedRoute", bad)
    prov = next(e["resource"] for e in entries if e["resource"]["resourceType"] == "Provenance")
    bad = copy.deepcopy(prov)
    del bad["agent"]
    must_fail("a Provenance without its required agent", bad)

    counts = Counter(e["resource"]["resourceType"] for e in entries)
    summary = ", ".join(f"{n} {t}" for t, n in sorted(counts.items()))
    print(f"fhir.resources {fhir.resources.__version__} (FHIR {fhir.resources.__fhir_version__}): "
          f"Bundle valid, {len(entries)} resources ({summary})")
    print(f"{len(entries)} passed, 0 failed")


if __name__ == "__main__":
    main()
