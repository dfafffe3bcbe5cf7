//! Provides the validation rules, one function per rule, each named after its code in
//! [`super::codes`], so a code in a clerk's report leads straight to the rule that raised it.

pub mod coords;
pub mod credit;
pub mod firm_ref;
pub mod ids;
pub mod phone;
pub mod tasks;
pub mod teams;
pub mod values;
