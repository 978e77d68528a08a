//! `serde::Serialize` for the public types, in the export schema the README
//! documents.

use serde::ser::{Serialize, SerializeStruct, Serializer};

use crate::differences::Difference;
use crate::kinds::{AccessLevel, Api, Condition, DifferenceKind, ResourceType};
use crate::model::{Action, ArnTemplate, ConditionalGroup, Correction, Operation};
use crate::Catalog;

macro_rules! serialize_as_str {
    ($($type:ty),*) => {$(
        impl Serialize for $type {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }
    )*};
}

serialize_as_str!(
    AccessLevel,
    Action,
    Api,
    Condition,
    DifferenceKind,
    ResourceType
);

impl Serialize for ConditionalGroup {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut group = serializer.serialize_struct("ConditionalGroup", 3)?;
        group.serialize_field("conditions", self.conditions)?;
        group.serialize_field("description", self.description)?;
        group.serialize_field("actions", self.actions)?;
        group.end()
    }
}

impl Serialize for ArnTemplate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut template = serializer.serialize_struct("ArnTemplate", 3)?;
        template.serialize_field("as_written", self.as_written)?;
        template.serialize_field("arn", self.iam_form)?;
        template.serialize_field("resource_type", &self.resource_type())?;
        template.end()
    }
}

impl Serialize for Correction {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut correction = serializer.serialize_struct("Correction", 3)?;
        correction.serialize_field("as_written", &self.as_written)?;
        correction.serialize_field("corrected", &self.corrected)?;
        correction.serialize_field("reason", self.reason)?;
        correction.end()
    }
}

impl Serialize for Difference {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut difference = serializer.serialize_struct("Difference", 4)?;
        difference.serialize_field("kind", &self.kind)?;
        difference.serialize_field("page", &self.page)?;
        difference.serialize_field("iam", &self.iam)?;
        difference.serialize_field("reason", self.reason)?;
        difference.end()
    }
}

/// The differences of one operation, serialized as an array.
struct Differences<'a>(&'a Operation);

impl Serialize for Differences<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.differences())
    }
}

impl Serialize for Operation {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut operation = serializer.serialize_struct("Operation", 9)?;
        operation.serialize_field("name", self.name)?;
        operation.serialize_field("api", &self.api)?;
        operation.serialize_field("documentation_url", self.documentation_url)?;
        operation.serialize_field("actions", self.actions)?;
        operation.serialize_field("conditional_actions", self.conditional_actions)?;
        operation.serialize_field("resources", self.resources)?;
        operation.serialize_field("corrections", self.corrections)?;
        operation.serialize_field("differences", &Differences(self))?;
        operation.serialize_field("access_level", &self.access_level)?;
        operation.end()
    }
}

impl Serialize for Catalog {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut catalog = serializer.serialize_struct("Catalog", 1)?;
        catalog.serialize_field("operations", &crate::generated::OPERATIONS[..])?;
        catalog.end()
    }
}
