//! The file formats (data files, overlay files), reading them from disk, and the draft
//! that gathers their records before validation.

use crate::model::{
    Agent, AgentRecord, BenefitRecord, BrandRecord, ConditionRecord, Contraindication, Entity,
    GroupRecord, Indication, InteractantRecord, Interaction, Mechanism, MedicineRecord, Monitoring,
    Named, PercentRange, PopulationGuidance, Regimen, Risk, RiskRecord, Route, RouteRecord, Source,
    Study,
};
use crate::text::{confusable_key, folded_key};
use serde::Deserialize;
use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use super::{BASE, KnowledgeBase, LoadError, MAX_FILE_BYTES, MAX_TOTAL_BYTES};

fn io_error(file: &Path, e: &std::io::Error) -> LoadError {
    LoadError::Io {
        file: file.display().to_string(),
        message: e.to_string(),
    }
}

/// The most `*.json` files one directory load reads.
pub(super) const MAX_DIR_FILES: usize = 256;

/// The `*.json` files of a directory, in name order; at least one, at most
/// [`MAX_DIR_FILES`] (the listing stops there, however large the directory).
pub(super) fn json_paths(dir: &Path) -> Result<Vec<PathBuf>, LoadError> {
    let mut paths = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(|e| io_error(dir, &e))? {
        let path = entry.map_err(|e| io_error(dir, &e))?.path();
        if path.extension().is_some_and(|ext| ext == "json") {
            if paths.len() == MAX_DIR_FILES {
                return Err(LoadError::TooManyFiles {
                    dir: dir.display().to_string(),
                    limit: MAX_DIR_FILES,
                });
            }
            paths.push(path);
        }
    }
    if paths.is_empty() {
        return Err(LoadError::EmptyDirectory {
            dir: dir.display().to_string(),
        });
    }
    paths.sort();
    Ok(paths)
}

/// The bytes of one regular file of at most [`MAX_FILE_BYTES`], when `used` bytes of
/// the load's [`MAX_TOTAL_BYTES`] are already taken; `name` is the file as errors name
/// it. The size is checked before reading, and at most one byte over the limit is
/// read, so neither a huge file nor a device that never ends can exhaust memory.
pub(super) fn read(path: &Path, name: &str, used: usize) -> Result<Vec<u8>, LoadError> {
    let io = |e: std::io::Error| LoadError::Io {
        file: name.to_owned(),
        message: e.to_string(),
    };
    // Checked before opening: opening a FIFO for reading waits for a writer.
    let kind = std::fs::metadata(path).map_err(io)?;
    if !kind.is_file() {
        return Err(not_a_file(name, &kind));
    }
    let size = usize::try_from(kind.len()).unwrap_or(usize::MAX);
    check_size(name, size, used)?;
    let file = std::fs::File::open(path).map_err(io)?;
    // The path may name another file by now; check what was opened.
    let opened = file.metadata().map_err(io)?;
    if !opened.is_file() {
        return Err(not_a_file(name, &opened));
    }
    let limit = MAX_FILE_BYTES.min(MAX_TOTAL_BYTES.saturating_sub(used));
    let mut bytes = Vec::with_capacity(size.min(limit) + 1);
    file.take(u64::try_from(limit).unwrap_or(u64::MAX) + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    check_size(name, bytes.len(), used)?;
    Ok(bytes)
}

/// A file of `size` bytes must fit in one file's limit and in what is left of the
/// load's.
pub(super) fn check_size(name: &str, size: usize, used: usize) -> Result<(), LoadError> {
    if size > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            file: name.to_owned(),
            size,
            limit: MAX_FILE_BYTES,
        });
    }
    if used.saturating_add(size) > MAX_TOTAL_BYTES {
        return Err(LoadError::LoadTooLarge {
            file: name.to_owned(),
            total: used.saturating_add(size),
            limit: MAX_TOTAL_BYTES,
        });
    }
    Ok(())
}

fn not_a_file(name: &str, meta: &std::fs::Metadata) -> LoadError {
    let kind = meta.file_type();
    #[cfg(unix)]
    let special = {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            Some("a FIFO")
        } else if kind.is_char_device() || kind.is_block_device() {
            Some("a device")
        } else if kind.is_socket() {
            Some("a socket")
        } else {
            None
        }
    };
    #[cfg(not(unix))]
    let special: Option<&str> = None;
    let found = if kind.is_dir() {
        "a directory"
    } else {
        special.unwrap_or("not a regular file")
    };
    LoadError::NotAFile {
        file: name.to_owned(),
        found: found.to_owned(),
    }
}

/// One data file: any subset of the sections. The records are read straight into the
/// draft (`stream.rs`); this type is parsed only to locate an error, so its fields are
/// never read.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
pub(super) struct DataFile {
    #[serde(default)]
    sources: Vec<Source>,
    #[serde(default)]
    agents: Vec<AgentRecord>,
    #[serde(default)]
    mechanism: Option<Mechanism>,
    #[serde(default)]
    routes: Vec<RouteRecord>,
    #[serde(default)]
    groups: Vec<GroupRecord>,
    #[serde(default)]
    conditions: Vec<ConditionRecord>,
    #[serde(default)]
    indications: Vec<Indication>,
    #[serde(default)]
    benefits: Vec<BenefitRecord>,
    #[serde(default)]
    risks: Vec<RiskRecord>,
    #[serde(default)]
    contraindications: Vec<Contraindication>,
    #[serde(default)]
    monitoring: Vec<Monitoring>,
    #[serde(default)]
    interactants: Vec<InteractantRecord>,
    #[serde(default)]
    interactions: Vec<Interaction>,
    #[serde(default)]
    populations: Vec<PopulationGuidance>,
    #[serde(default)]
    dosing: Vec<Regimen>,
    #[serde(default)]
    medicines: Vec<MedicineRecord>,
    #[serde(default)]
    brands: Vec<BrandRecord>,
}

/// An overlay file: additions to an existing knowledge base.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct OverlayFile {
    #[serde(default)]
    pub(super) sources: Vec<Source>,
    #[serde(default)]
    pub(super) indications: Vec<Indication>,
    #[serde(default)]
    pub(super) contraindications: Vec<Contraindication>,
    #[serde(default)]
    pub(super) monitoring: Vec<Monitoring>,
    #[serde(default)]
    pub(super) interactions: Vec<Interaction>,
    #[serde(default)]
    pub(super) populations: Vec<PopulationGuidance>,
    #[serde(default)]
    pub(super) dosing: Vec<Regimen>,
    #[serde(default)]
    pub(super) medicines: Vec<MedicineRecord>,
    #[serde(default)]
    pub(super) brands: Vec<BrandRecord>,
    #[serde(default)]
    pub(super) risk_frequencies: Vec<RiskFrequency>,
    #[serde(default)]
    pub(super) aliases: Vec<AliasAddition>,
    #[serde(default)]
    pub(super) replaces: Vec<String>,
}

/// A frequency added to an existing risk by an overlay.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RiskFrequency {
    pub(super) risk: Risk,
    pub(super) agent: Agent,
    pub(super) route: Route,
    pub(super) percent: PercentRange,
    #[serde(default)]
    pub(super) placebo_percent: Option<PercentRange>,
    pub(super) context: String,
    #[serde(default)]
    pub(super) study: Option<Study>,
    #[serde(default)]
    pub(super) superseded_by: Option<String>,
    pub(super) sources: Vec<String>,
}

/// An alias added to an existing entity by an overlay.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct AliasAddition {
    /// `agent`, `route`, `group`, `condition`, `benefit`, `risk`, `interactant` or
    /// `medicine`.
    pub(super) entity: String,
    pub(super) id: String,
    pub(super) alias: String,
}

/// Records gathered from every file, each with the index of the file it came from.
#[derive(Default)]
pub(super) struct Draft {
    pub(super) files: Vec<String>,
    pub(super) sources: Vec<(usize, Source)>,
    pub(super) agents: Vec<(usize, AgentRecord)>,
    pub(super) mechanism: Vec<(usize, Mechanism)>,
    pub(super) routes: Vec<(usize, RouteRecord)>,
    pub(super) groups: Vec<(usize, GroupRecord)>,
    pub(super) conditions: Vec<(usize, ConditionRecord)>,
    pub(super) indications: Vec<(usize, Indication)>,
    pub(super) benefits: Vec<(usize, BenefitRecord)>,
    pub(super) risks: Vec<(usize, RiskRecord)>,
    pub(super) contraindications: Vec<(usize, Contraindication)>,
    pub(super) monitoring: Vec<(usize, Monitoring)>,
    pub(super) interactants: Vec<(usize, InteractantRecord)>,
    pub(super) interactions: Vec<(usize, Interaction)>,
    pub(super) populations: Vec<(usize, PopulationGuidance)>,
    pub(super) regimens: Vec<(usize, Regimen)>,
    pub(super) medicines: Vec<(usize, MedicineRecord)>,
    pub(super) brands: Vec<(usize, BrandRecord)>,
}

/// Tags records with the index of their file.
pub(super) fn tagged<T>(file: usize, items: Vec<T>) -> impl Iterator<Item = (usize, T)> {
    items.into_iter().map(move |x| (file, x))
}

impl Draft {
    /// A draft holding the records of an existing knowledge base, attributed to [`BASE`].
    pub(super) fn from_base(kb: &KnowledgeBase) -> Self {
        fn tag<T: Clone>(items: &[T]) -> Vec<(usize, T)> {
            items.iter().cloned().map(|x| (0, x)).collect()
        }
        Draft {
            files: vec![BASE.to_owned()],
            sources: tag(&kb.sources),
            agents: tag(&kb.agents),
            mechanism: vec![(0, kb.mechanism.clone())],
            routes: tag(&kb.routes),
            groups: tag(&kb.groups),
            conditions: tag(&kb.conditions),
            indications: tag(&kb.indications),
            benefits: tag(&kb.benefits),
            risks: tag(&kb.risks),
            contraindications: tag(&kb.contraindications),
            monitoring: tag(&kb.monitoring),
            interactants: tag(&kb.interactants),
            interactions: tag(&kb.interactions),
            populations: tag(&kb.populations),
            regimens: tag(&kb.regimens),
            medicines: tag(&kb.medicines),
            brands: tag(&kb.brands),
        }
    }

    /// The named record of an entity, for adding aliases.
    pub(super) fn named_mut(&mut self, entity: Entity) -> Option<&mut dyn Named> {
        fn find<T: Named>(records: &mut [(usize, T)], entity: Entity) -> Option<&mut dyn Named> {
            records
                .iter_mut()
                .map(|(_, r)| r)
                .find(|r| r.entity() == entity)
                .map(|r| r as &mut dyn Named)
        }
        match entity {
            Entity::Agent(_) => find(&mut self.agents, entity),
            Entity::Route(_) => find(&mut self.routes, entity),
            Entity::ConditionGroup(_) => find(&mut self.groups, entity),
            Entity::Condition(_) => find(&mut self.conditions, entity),
            Entity::Benefit(_) => find(&mut self.benefits, entity),
            Entity::Risk(_) => find(&mut self.risks, entity),
            Entity::Interactant(_) => find(&mut self.interactants, entity),
        }
    }

    /// Every named record, with the index of its file.
    pub(super) fn named(&self) -> impl Iterator<Item = (usize, &dyn Named)> {
        fn each<T: Named>(records: &[(usize, T)]) -> impl Iterator<Item = (usize, &dyn Named)> {
            records.iter().map(|(f, r)| (*f, r as &dyn Named))
        }
        each(&self.agents)
            .chain(each(&self.routes))
            .chain(each(&self.groups))
            .chain(each(&self.conditions))
            .chain(each(&self.benefits))
            .chain(each(&self.risks))
            .chain(each(&self.interactants))
    }

    /// The folded keys of every name and alias already in the draft.
    pub(super) fn name_keys(&self) -> HashMap<Box<str>, Entity> {
        self.named()
            .flat_map(|(_, r)| {
                let entity = r.entity();
                std::iter::once(r.display_name())
                    .chain(r.alias_list().iter().map(String::as_str))
                    .filter_map(folded_key)
                    .map(move |k| (k, entity))
            })
            .collect()
    }

    /// The confusable keys of every name and alias already in the draft, with the
    /// entity and the text they come from.
    pub(super) fn confusable_keys(&self) -> HashMap<Box<str>, (Entity, String)> {
        self.named()
            .flat_map(|(_, r)| {
                let entity = r.entity();
                std::iter::once(r.display_name())
                    .chain(r.alias_list().iter().map(String::as_str))
                    .filter_map(move |t| Some((confusable_key(t)?, (entity, t.to_owned()))))
            })
            .collect()
    }

    pub(super) fn file(&self, index: usize) -> &str {
        self.files.get(index).map_or(BASE, String::as_str)
    }

    pub(super) fn file_list(&self) -> String {
        if self.files.is_empty() {
            return String::from("(no files)");
        }
        self.files.join(", ")
    }
}
