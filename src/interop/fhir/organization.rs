//! `Organization`: the project that authors the knowledge, and each jurisdiction's
//! regulator.

use serde::Serialize;
use strum::IntoEnumIterator;

use super::datatypes::Narrative;
use super::narrative::Xhtml;
use super::resource::{Builder, Resource};
use super::terminology::{region, regulator};
use crate::Jurisdiction;

#[derive(Debug, Serialize)]
pub(super) struct Organization<'a> {
    pub id: String,
    pub text: Narrative,
    pub active: bool,
    pub name: &'a str,
    pub alias: [&'a str; 1],
}

fn organization<'a>(id: String, name: &'a str, alias: &'a str, what: &str) -> Organization<'a> {
    let mut x = Xhtml::new(name.len() + what.len() + 32);
    x.open("p")
        .labelled(name, " (")
        .text(alias)
        .text("): ")
        .text(what)
        .close("p");
    Organization {
        id,
        text: x.finish(),
        active: true,
        name,
        alias: [alias],
    }
}

impl Builder<'_, '_> {
    pub(super) fn organizations(&mut self) {
        self.emit(Resource::Organization(organization(
            String::from("org-ketamine-therapy"),
            "ketamine-therapy (typed, sourced knowledge model of ketamine therapy)",
            "ketamine-therapy",
            "the author of this knowledge; every fact cites its sources.",
        )));
        for j in Jurisdiction::iter() {
            let (suffix, name, alias) = regulator(j);
            let what = format!("the medicines regulator of {}.", region(j).2);
            self.emit(Resource::Organization(organization(
                format!("org-{suffix}"),
                name,
                alias,
                &what,
            )));
        }
    }
}
