//! The FHIR R5 export (feature `fhir`): determinism against a golden file, and
//! invariants of the whole bundle that hold whatever the data: every reference
//! resolves inside the bundle, every coding's system is the right URI (regions from
//! systems that define them), required elements are present, ids are valid and
//! unique, FHIR's JSON rules hold everywhere (no empty array, object or string, no
//! null), every resource has a generated XHTML narrative, every extension is defined
//! by a StructureDefinition in the bundle, and elements with an extensible binding
//! carry a code from it. `.ci/run` also validates the bundle at the profile level
//! (`scripts/fhir-validator`) and with `fhir.resources` (`scripts/validate_fhir.py`).
//!
//! After a data change, regenerate the golden file with
//! `UPDATE_GOLDEN=1 cargo test --features fhir --test fhir` and review its diff.
#![cfg(feature = "fhir")]

use std::collections::{BTreeMap, BTreeSet};

use ketamine_therapy::interop::fhir::BASE_URL;
use ketamine_therapy::{
    Agent, Evidence, IntoEnumIterator, KnowledgeBase, Route,
    model::{CodeSystem, RegulatoryStatus},
};
use serde_json::Value;

const GOLDEN: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/fhir-bundle.json");

fn bundle() -> Value {
    serde_json::from_str(&KnowledgeBase::embedded().fhir_bundle().to_json()).expect("valid JSON")
}

fn entries(bundle: &Value) -> &Vec<Value> {
    bundle["entry"].as_array().expect("entry array")
}

fn of_type<'b>(bundle: &'b Value, resource_type: &str) -> Vec<&'b Value> {
    entries(bundle)
        .iter()
        .map(|e| &e["resource"])
        .filter(|r| r["resourceType"] == resource_type)
        .collect()
}

#[test]
fn export_is_byte_identical_to_the_golden_file_and_run_to_run() {
    let kb = KnowledgeBase::embedded();
    let first = kb.fhir_bundle().to_json_pretty();
    let again = kb.fhir_bundle().to_json_pretty();
    assert_eq!(first, again, "two exports of one knowledge base differ");
    // A knowledge base loaded again from the same files exports the same bytes.
    let reloaded = KnowledgeBase::from_json_files(KnowledgeBase::embedded_files().iter().copied())
        .expect("embedded data loads");
    assert_eq!(first, reloaded.fhir_bundle().to_json_pretty());
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(GOLDEN, &first).expect("write golden file");
        return;
    }
    let golden = std::fs::read_to_string(GOLDEN).unwrap_or_default();
    if golden != first {
        let line = golden
            .lines()
            .zip(first.lines())
            .position(|(a, b)| a != b)
            .map_or(golden.lines().count().min(first.lines().count()) + 1, |i| {
                i + 1
            });
        panic!(
            "the FHIR export differs from tests/golden/fhir-bundle.json from line {line}; if the \
             data or the exporter changed on purpose, run \
             `UPDATE_GOLDEN=1 cargo test --features fhir --test fhir` and review the diff"
        );
    }
}

#[test]
fn compact_and_pretty_are_the_same_document() {
    let kb = KnowledgeBase::embedded();
    let compact: Value = serde_json::from_str(&kb.fhir_bundle().to_json()).unwrap();
    let pretty: Value = serde_json::from_str(&kb.fhir_bundle().to_json_pretty()).unwrap();
    assert_eq!(compact, pretty);
}

#[test]
fn to_json_is_the_serde_serialisation_byte_for_byte() {
    // `to_json` writes parts of the bundle directly, without serde; it must give the
    // very bytes that serialising the bundle with serde_json gives.
    let kb = KnowledgeBase::embedded();
    let direct = kb.fhir_bundle().to_json();
    let serde = serde_json::to_string(&kb.fhir_bundle()).unwrap();
    assert!(direct == serde, "to_json and serde_json::to_string differ");
}

#[test]
fn bundle_is_a_collection_with_valid_unique_ids_and_full_urls() {
    let b = bundle();
    assert_eq!(b["resourceType"], "Bundle");
    assert_eq!(b["type"], "collection");
    let mut full_urls = BTreeSet::new();
    for e in entries(&b) {
        let r = &e["resource"];
        let t = r["resourceType"].as_str().expect("resourceType");
        let id = r["id"].as_str().expect("id");
        assert!(
            (1..=64).contains(&id.len())
                && id
                    .bytes()
                    .all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b'.'),
            "invalid FHIR id {id:?}"
        );
        let url = e["fullUrl"].as_str().expect("fullUrl");
        assert_eq!(url, format!("{BASE_URL}/{t}/{id}"));
        assert!(full_urls.insert(url.to_owned()), "duplicate fullUrl {url}");
    }
}

/// Every `reference` in `value`, with the path where it was found.
fn references<'v>(value: &'v Value, path: &str, out: &mut Vec<(String, &'v str)>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                let here = format!("{path}.{k}");
                match (k.as_str(), v) {
                    ("reference", Value::String(s)) => out.push((here, s)),
                    _ => references(v, &here, out),
                }
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                references(v, &format!("{path}[{i}]"), out);
            }
        }
        _ => {}
    }
}

#[test]
fn every_reference_resolves_inside_the_bundle() {
    let b = bundle();
    let targets: BTreeMap<String, &str> = entries(&b)
        .iter()
        .map(|e| {
            let r = &e["resource"];
            (
                format!(
                    "{}/{}",
                    r["resourceType"].as_str().unwrap(),
                    r["id"].as_str().unwrap()
                ),
                r["resourceType"].as_str().unwrap(),
            )
        })
        .collect();
    let mut found = Vec::new();
    references(&b, "Bundle", &mut found);
    assert!(found.len() > 500, "only {} references", found.len());
    for (path, reference) in &found {
        // Relative `Type/id`, resolved against the entries' RESTful fullUrls.
        assert!(
            !reference.contains("://"),
            "{path}: absolute reference {reference}"
        );
        assert!(
            targets.contains_key(*reference),
            "{path}: {reference} is not in the bundle"
        );
    }
}

#[test]
fn references_point_at_the_resource_types_the_spec_allows() {
    let b = bundle();
    let type_of = |reference: &str| reference.split('/').next().unwrap_or("").to_owned();
    for cud in of_type(&b, "ClinicalUseDefinition") {
        for s in cud["subject"].as_array().expect("subject") {
            // Not MedicationKnowledge: the R5 subject list does not allow it.
            assert_eq!(
                type_of(s["reference"].as_str().unwrap()),
                "MedicinalProductDefinition"
            );
        }
    }
    for mk in of_type(&b, "MedicationKnowledge") {
        for r in mk["clinicalUseIssue"].as_array().unwrap() {
            assert_eq!(
                type_of(r["reference"].as_str().unwrap()),
                "ClinicalUseDefinition"
            );
        }
        for g in mk["indicationGuideline"].as_array().unwrap() {
            for i in g["indication"].as_array().unwrap() {
                if let Some(r) = i["reference"]["reference"].as_str() {
                    assert_eq!(type_of(r), "ClinicalUseDefinition");
                }
            }
        }
        for r in mk["regulatory"].as_array().unwrap() {
            assert_eq!(
                type_of(r["regulatoryAuthority"]["reference"].as_str().unwrap()),
                "Organization"
            );
        }
    }
    for p in of_type(&b, "Provenance") {
        for e in p["entity"].as_array().unwrap() {
            assert_eq!(
                type_of(e["what"]["reference"].as_str().unwrap()),
                "Citation"
            );
            assert_eq!(e["role"], "source");
        }
    }
}

/// Every `coding` object in `value`.
fn codings<'v>(value: &'v Value, out: &mut Vec<&'v Value>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                match (k.as_str(), v) {
                    ("coding", Value::Array(items)) => out.extend(items.iter()),
                    ("valueCoding", c) => out.push(c),
                    _ => codings(v, out),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|v| codings(v, out)),
        _ => {}
    }
}

#[test]
fn every_coding_uses_the_right_system_uri() {
    let kb = KnowledgeBase::embedded();
    let b = bundle();
    // The systems a coding may use: the crate's code systems (each code must be one of
    // the record's), ISO 3166, HL7 systems, and the bundle's own CodeSystems.
    let own: BTreeMap<&str, BTreeSet<&str>> = of_type(&b, "CodeSystem")
        .into_iter()
        .map(|cs| {
            let codes = cs["concept"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| c["code"].as_str().unwrap());
            (cs["url"].as_str().unwrap(), codes.collect())
        })
        .collect();
    let mut known: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
    let all_codes = kb
        .agents()
        .flat_map(|a| a.codes())
        .chain(kb.routes().flat_map(|r| r.codes()))
        .chain(kb.conditions().flat_map(|c| c.codes()));
    for code in all_codes {
        known
            .entry(code.system().fhir_uri())
            .or_default()
            .insert(code.code().to_owned());
    }
    // Regions: ISO 3166-1 countries (not `EU`, which ISO 3166-1 only reserves), and
    // the EU's own Country authority table for the European Union.
    let hl7: BTreeMap<&str, &[&str]> = [
        ("urn:iso:std:iso:3166", &["US", "GB", "CA", "AU"][..]),
        (
            "http://publications.europa.eu/resource/authority/country",
            &["EUR"][..],
        ),
        (
            "http://hl7.org/fhir/artifact-url-classifier",
            &["doi-based", "full-text"][..],
        ),
        (
            "http://hl7.org/fhir/cited-artifact-classification-type",
            &["publication-type"][..],
        ),
        ("http://hl7.org/fhir/publication-status", &["active"][..]),
        (
            "http://hl7.org/fhir/regulated-authorization-type",
            &["MarketingAuth"][..],
        ),
        (
            "http://hl7.org/fhir/clinical-use-definition-category",
            &["Pregnancy", "DriveAndMachines"][..],
        ),
    ]
    .into_iter()
    .collect();
    let mut found = Vec::new();
    codings(&b, &mut found);
    assert!(found.len() > 100);
    for c in found {
        let system = c["system"].as_str().expect("every coding has a system");
        let code = c["code"].as_str().expect("every coding has a code");
        if let Some(codes) = own.get(system) {
            assert!(
                codes.contains(code),
                "{code} is not in the bundle's CodeSystem {system}"
            );
        } else if let Some(codes) = known.get(system) {
            assert!(
                codes.contains(code),
                "{system}|{code} is not a code of the data"
            );
            assert!(CodeSystem::iter().any(|s| s.fhir_uri() == system));
        } else if let Some(codes) = hl7.get(system) {
            assert!(codes.contains(&code), "{system}|{code}");
        } else {
            panic!("coding with an unexpected system {system}|{code}");
        }
    }
}

#[test]
fn routes_are_coded_with_snomed_ct() {
    let b = bundle();
    let snomed = CodeSystem::SnomedCt.fhir_uri();
    for mk in of_type(&b, "MedicationKnowledge") {
        let routes = mk["definitional"]["intendedRoute"].as_array().unwrap();
        assert!(!routes.is_empty());
        for r in routes {
            let coding = &r["coding"][0];
            assert_eq!(coding["system"], snomed, "{r}");
        }
    }
    let nasal = of_type(&b, "MedicinalProductDefinition")
        .into_iter()
        .find(|m| m["id"] == "mpd-esketamine-intranasal")
        .expect("esketamine nasal product");
    assert_eq!(nasal["route"][0]["coding"][0]["code"], "46713006");
}

#[test]
fn required_elements_are_present() {
    let b = bundle();
    for cud in of_type(&b, "ClinicalUseDefinition") {
        let t = cud["type"].as_str().expect("ClinicalUseDefinition.type");
        let part = match t {
            "indication" => "indication",
            "contraindication" => "contraindication",
            "interaction" => "interaction",
            "undesirable-effect" => "undesirableEffect",
            "warning" => "warning",
            other => panic!("type {other} is not in the required value set"),
        };
        assert!(cud[part].is_object(), "{} has no {part}", cud["id"]);
        assert!(!cud["subject"].as_array().unwrap().is_empty());
    }
    for mk in of_type(&b, "MedicationKnowledge") {
        assert!(matches!(
            mk["status"].as_str(),
            Some("active" | "inactive" | "entered-in-error")
        ));
        for r in mk["regulatory"].as_array().unwrap() {
            assert!(r["regulatoryAuthority"].is_object());
        }
        for c in mk["medicineClassification"].as_array().unwrap() {
            assert!(c["type"].is_object());
        }
        for r in mk["relatedMedicationKnowledge"]
            .as_array()
            .into_iter()
            .flatten()
        {
            assert!(r["type"].is_object() && r["reference"].is_array());
        }
        for g in mk["indicationGuideline"].as_array().unwrap() {
            for d in g["dosingGuideline"].as_array().into_iter().flatten() {
                for dosage in d["dosage"].as_array().unwrap() {
                    assert!(dosage["type"].is_object() && dosage["dosage"].is_array());
                }
            }
        }
    }
    for p in of_type(&b, "Provenance") {
        assert!(!p["target"].as_array().unwrap().is_empty());
        assert!(p["agent"][0]["who"].is_object());
    }
    for c in of_type(&b, "Citation") {
        assert_eq!(c["status"], "active");
        assert!(c["citedArtifact"]["title"][0]["text"].is_string());
    }
    for cs in of_type(&b, "CodeSystem") {
        assert_eq!(cs["status"], "active");
        assert_eq!(cs["content"], "complete");
    }
}

#[test]
fn the_bundle_carries_every_record() {
    let kb = KnowledgeBase::embedded();
    let b = bundle();
    let count = |t: &str| of_type(&b, t).len();
    assert_eq!(count("MedicationKnowledge"), Agent::iter().count());
    let agent_routes: usize = kb.agents().map(|a| a.routes().len()).sum();
    assert_eq!(count("MedicinalProductDefinition"), agent_routes);
    assert_eq!(count("Citation"), kb.sources().count());
    let cuds = of_type(&b, "ClinicalUseDefinition");
    let of = |t: &str| cuds.iter().filter(|c| c["type"] == t).count();
    assert_eq!(of("indication"), kb.indications().count());
    let contraindications: usize = Agent::iter().map(|a| kb.contraindications(a).len()).sum();
    assert_eq!(of("contraindication"), contraindications);
    let interactions: usize = Agent::iter().map(|a| kb.interactions(a).len()).sum();
    assert_eq!(of("interaction"), interactions);
    let effects: usize = kb.risks().map(|r| r.applies().len()).sum();
    assert_eq!(of("undesirable-effect"), effects);
    let populations: usize = Agent::iter().map(|a| kb.populations(a).len()).sum();
    let monitoring: usize = Agent::iter().map(|a| kb.monitoring(a).count()).sum();
    assert_eq!(of("warning"), populations + monitoring);
    let approvals = kb
        .indications()
        .flat_map(|i| i.regulatory())
        .chain(kb.agents().flat_map(|a| a.regulatory()))
        .filter(|r| r.status() == RegulatoryStatus::Approved)
        .count();
    assert_eq!(count("RegulatedAuthorization"), approvals);
}

#[test]
fn evidence_level_and_provenance_survive() {
    let kb = KnowledgeBase::embedded();
    let b = bundle();
    let provenance: BTreeMap<&str, Vec<&str>> = of_type(&b, "Provenance")
        .into_iter()
        .map(|p| {
            let target = p["target"][0]["reference"].as_str().unwrap();
            let sources = p["entity"].as_array().unwrap().iter();
            (
                target,
                sources
                    .map(|e| e["what"]["reference"].as_str().unwrap())
                    .collect(),
            )
        })
        .collect();
    let cuds = of_type(&b, "ClinicalUseDefinition");
    for ind in kb.indications() {
        let key = format!("indication/{}", ind.key());
        let cud = cuds
            .iter()
            .find(|c| c["identifier"][0]["value"] == key.as_str())
            .unwrap_or_else(|| panic!("no ClinicalUseDefinition for {key}"));
        let level = cud["extension"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["url"] == ketamine_therapy::interop::fhir::EVIDENCE_LEVEL_EXTENSION)
            .expect("evidence level");
        let code = level["valueCoding"]["code"].as_str().unwrap();
        assert_eq!(code.parse::<Evidence>().ok(), Some(ind.evidence()));
        let target = format!("ClinicalUseDefinition/{}", cud["id"].as_str().unwrap());
        let cited = &provenance[target.as_str()];
        for source in ketamine_therapy::Sourced::sources(ind) {
            assert!(
                cited.contains(&format!("Citation/cit-{source}").as_str()),
                "{key}: {source}"
            );
        }
    }
}

#[test]
fn spravato_is_described_as_a_health_it_system_needs_it() {
    let b = bundle();
    let mk = of_type(&b, "MedicationKnowledge")
        .into_iter()
        .find(|m| m["id"] == "mk-esketamine")
        .expect("esketamine");
    let atc: Vec<&str> = mk["medicineClassification"][0]["classification"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["coding"][0]["code"].as_str().unwrap())
        .collect();
    assert!(atc.contains(&"N06AX27"));
    assert_eq!(
        mk["regulatory"][0]["schedule"][0]["text"],
        "controlled substance, schedule CIII"
    );
    assert!(!mk["monitoringProgram"].as_array().unwrap().is_empty());
    assert!(!mk["clinicalUseIssue"].as_array().unwrap().is_empty());
    assert_eq!(
        mk["relatedMedicationKnowledge"][0]["reference"][0]["reference"],
        "MedicationKnowledge/mk-racemic-ketamine"
    );
    let ra = of_type(&b, "RegulatedAuthorization");
    assert!(ra.iter().any(|r| {
        r["region"][0]["coding"][0]["code"] == "US"
            && r["statusDate"] == "2019-03-05"
            && r["indication"][0]["reference"]["reference"]
                .as_str()
                .is_some_and(|s| s.contains("treatment-resistant-depression"))
    }));
    let _ = Route::Intranasal;
}

/// Every place in `value` that breaks FHIR's JSON rules: an empty array, object or
/// string, a null, or a string with leading or trailing whitespace.
fn json_rule_breaks(value: &Value, path: &str, out: &mut Vec<String>) {
    match value {
        Value::Null => out.push(format!("{path}: null")),
        Value::String(s) if s.is_empty() => out.push(format!("{path}: empty string")),
        Value::String(s) if s.trim() != s && !path.ends_with(".div") => {
            out.push(format!("{path}: leading or trailing whitespace"))
        }
        Value::Array(items) if items.is_empty() => out.push(format!("{path}: empty array")),
        Value::Object(map) if map.is_empty() => out.push(format!("{path}: empty object")),
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                json_rule_breaks(v, &format!("{path}[{i}]"), out);
            }
        }
        Value::Object(map) => {
            for (k, v) in map {
                json_rule_breaks(v, &format!("{path}.{k}"), out);
            }
        }
        _ => {}
    }
}

#[test]
fn fhir_json_rules_hold_everywhere() {
    let mut breaks = Vec::new();
    json_rule_breaks(&bundle(), "Bundle", &mut breaks);
    assert!(
        breaks.is_empty(),
        "{} breaks, first: {:?}",
        breaks.len(),
        &breaks[..breaks.len().min(5)]
    );
    // The check itself finds each kind of break.
    let bad: Value = serde_json::json!({"a": [], "b": {}, "c": "", "d": null, "e": [" x"]});
    let mut found = Vec::new();
    json_rule_breaks(&bad, "x", &mut found);
    assert_eq!(found.len(), 5, "{found:?}");
}

/// The elements a narrative may use here, and whether `div` is well-formed XHTML with
/// escaped text and some content.
fn narrative_problem(div: &str) -> Option<String> {
    const ROOT: &str = "<div xmlns='http://www.w3.org/1999/xhtml'>";
    const ALLOWED: [&str; 8] = ["div", "p", "b", "i", "ul", "li", "code", "br"];
    let Some(inner) = div
        .strip_prefix(ROOT)
        .and_then(|d| d.strip_suffix("</div>"))
    else {
        return Some("not a div in the XHTML namespace".into());
    };
    let mut open: Vec<&str> = Vec::new();
    let mut text = String::new();
    let mut rest = inner;
    while let Some(start) = rest.find('<') {
        text.push_str(&rest[..start]);
        let Some(end) = rest[start..].find('>').map(|e| e + start) else {
            return Some("unclosed tag".into());
        };
        let tag = &rest[start + 1..end];
        match tag.strip_prefix('/') {
            Some(name) if open.pop() != Some(name) => return Some(format!("</{name}> unbalanced")),
            Some(_) => {}
            None if !ALLOWED.contains(&tag) => return Some(format!("<{tag}> not allowed")),
            None => open.push(tag),
        }
        rest = &rest[end + 1..];
    }
    text.push_str(rest);
    if !open.is_empty() {
        return Some(format!("unclosed {open:?}"));
    }
    if text.contains('>') {
        return Some("unescaped >".into());
    }
    for (i, _) in text.match_indices('&') {
        let entity = &text[i..text[i..].find(';').map_or(text.len(), |e| i + e + 1)];
        if !["&amp;", "&lt;", "&gt;"].contains(&entity) {
            return Some(format!("unescaped & ({entity:.12})"));
        }
    }
    (text.trim().is_empty()).then(|| "no text".into())
}

#[test]
fn every_resource_has_a_generated_xhtml_narrative() {
    let b = bundle();
    for e in entries(&b) {
        let r = &e["resource"];
        let what = format!("{}/{}", r["resourceType"], r["id"]);
        assert_eq!(r["text"]["status"], "generated", "{what}");
        let div = r["text"]["div"]
            .as_str()
            .unwrap_or_else(|| panic!("{what}: no div"));
        let root = "<div xmlns='http://www.w3.org/1999/xhtml'>";
        assert!(div.starts_with(root), "{what}: {div:.80}");
        if let Some(problem) = narrative_problem(div) {
            panic!("{what}: narrative {problem}: {div:.200}");
        }
    }
    // The check rejects what it must.
    for bad in [
        "<div>x</div>",
        "<div xmlns='http://www.w3.org/1999/xhtml'><p>x</div>",
        "<div xmlns='http://www.w3.org/1999/xhtml'><script>x</script></div>",
        "<div xmlns='http://www.w3.org/1999/xhtml'><p>a & b</p></div>",
        "<div xmlns='http://www.w3.org/1999/xhtml'><p> </p></div>",
    ] {
        assert!(narrative_problem(bad).is_some(), "{bad}");
    }
}

#[test]
fn regions_are_coded_with_systems_that_define_them() {
    let b = bundle();
    let mut regions = Vec::new();
    for r in of_type(&b, "RegulatedAuthorization") {
        regions.extend(r["region"].as_array().unwrap());
    }
    for mk in of_type(&b, "MedicationKnowledge") {
        regions.extend(mk["intendedJurisdiction"].as_array().into_iter().flatten());
    }
    assert!(!regions.is_empty());
    for region in regions {
        let c = &region["coding"][0];
        match (c["system"].as_str(), c["code"].as_str()) {
            // ISO 3166-1 alpha-2, never the reserved EU.
            (Some("urn:iso:std:iso:3166"), Some(code)) => assert!(
                code.len() == 2 && code.bytes().all(|b| b.is_ascii_uppercase()) && code != "EU",
                "{region}"
            ),
            (Some("http://publications.europa.eu/resource/authority/country"), Some(code)) => {
                assert_eq!(code, "EUR", "{region}")
            }
            _ => panic!("region with an unexpected system: {region}"),
        }
    }
}

#[test]
fn every_extension_is_defined_in_the_bundle() {
    let b = bundle();
    let definitions: BTreeMap<&str, &Value> = of_type(&b, "StructureDefinition")
        .into_iter()
        .map(|sd| (sd["url"].as_str().unwrap(), sd))
        .collect();
    let value_sets: BTreeMap<&str, &Value> = of_type(&b, "ValueSet")
        .into_iter()
        .map(|vs| (vs["url"].as_str().unwrap(), vs))
        .collect();
    let code_systems: BTreeMap<&str, &Value> = of_type(&b, "CodeSystem")
        .into_iter()
        .map(|cs| (cs["url"].as_str().unwrap(), cs))
        .collect();
    let mut used = 0;
    for e in entries(&b) {
        let r = &e["resource"];
        for ext in r["extension"].as_array().into_iter().flatten() {
            used += 1;
            let url = ext["url"].as_str().unwrap();
            let sd = definitions
                .get(url)
                .unwrap_or_else(|| panic!("no StructureDefinition for {url}"));
            assert_eq!(sd["type"], "Extension");
            assert_eq!(
                sd["baseDefinition"],
                "http://hl7.org/fhir/StructureDefinition/Extension"
            );
            assert!(
                sd["context"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|c| c["expression"] == r["resourceType"])
            );
            let value = sd["differential"]["element"]
                .as_array()
                .unwrap()
                .iter()
                .find(|el| el["path"] == "Extension.value[x]")
                .expect("value[x]");
            let types: Vec<&str> = value["type"]
                .as_array()
                .unwrap()
                .iter()
                .map(|t| t["code"].as_str().unwrap())
                .collect();
            let key = ext
                .as_object()
                .unwrap()
                .keys()
                .find(|k| k.starts_with("value"))
                .expect("a value");
            assert!(
                types
                    .iter()
                    .any(|t| key.eq_ignore_ascii_case(&format!("value{t}"))),
                "{url}: {key} not in {types:?}"
            );
            if let Some(vs_url) = value["binding"]["valueSet"].as_str() {
                // A required binding to a value set of the bundle, over one of its code systems.
                let vs = value_sets
                    .get(vs_url)
                    .unwrap_or_else(|| panic!("no ValueSet {vs_url}"));
                let system = vs["compose"]["include"][0]["system"].as_str().unwrap();
                let cs = code_systems[system];
                let code = ext["valueCoding"]["code"].as_str().unwrap();
                assert_eq!(ext["valueCoding"]["system"], system);
                assert!(
                    cs["concept"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .any(|c| c["code"] == code)
                );
            }
        }
    }
    assert!(used > 0);
}

#[test]
fn extensible_bindings_are_coded_and_identifiers_have_systems() {
    let b = bundle();
    for c in of_type(&b, "Citation") {
        let a = &c["citedArtifact"];
        for k in a["classification"].as_array().unwrap() {
            assert_eq!(
                k["type"]["coding"][0]["system"],
                "http://hl7.org/fhir/cited-artifact-classification-type"
            );
        }
        for w in a["webLocation"].as_array().into_iter().flatten() {
            for k in w["classifier"].as_array().into_iter().flatten() {
                assert_eq!(
                    k["coding"][0]["system"],
                    "http://hl7.org/fhir/artifact-url-classifier"
                );
            }
        }
    }
    let mut found = Vec::new();
    identifiers(&b, &mut found);
    assert!(!found.is_empty());
    for id in found {
        // No identifier type given as text only (its binding is extensible): every
        // identifier says what it is through its system.
        assert!(
            id["system"].as_str().is_some_and(|s| s.starts_with("http")),
            "{id}"
        );
        assert!(id["value"].is_string(), "{id}");
        assert!(id.get("type").is_none(), "{id}");
    }
}

/// Every `identifier` object in `value`.
fn identifiers<'v>(value: &'v Value, out: &mut Vec<&'v Value>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                match (k.as_str(), v) {
                    ("identifier", Value::Array(items)) => out.extend(items.iter()),
                    ("identifier", Value::Object(_)) => out.push(v),
                    _ => identifiers(v, out),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|v| identifiers(v, out)),
        _ => {}
    }
}
