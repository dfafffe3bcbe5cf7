//! Writes the merge graph in Graphviz DOT, for a developer or an office that wants to see
//! which inspections could be merged.
//!
//! Written by hand rather than with `petgraph::dot` to give each kind of node its own shape and
//! readable Chinese labels, and to escape names that come from clerks' spreadsheets.

use super::merge_graph::{Edge, MergeGraph, Node};
use crate::model::Instance;
use petgraph::visit::EdgeRef;
use std::fmt::Write;

/// Escapes a label for a double-quoted DOT string.
pub fn escape_label(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

fn node_attrs(inst: &Instance, node: Node) -> (String, &'static str) {
    match node {
        Node::Firm(f) => {
            let firm = &inst.firms[f];
            (format!("{}\n{}", firm.name, firm.id), "box")
        }
        Node::Task(t) => {
            let task = &inst.tasks[t];
            (format!("{}\n{}", task.id, task.item), "ellipse")
        }
        Node::Department(d) => (inst.departments[d].name.clone(), "diamond"),
        Node::Team(t) => (inst.teams[t].name.clone(), "hexagon"),
    }
}

/// The whole graph as a DOT digraph; "may share a visit" edges are dashed and undirected.
pub fn to_dot(inst: &Instance, g: &MergeGraph) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "digraph \"{}\" {{", escape_label(&inst.name));
    out.push_str("  graph [rankdir=LR, overlap=false];\n  node [fontname=\"sans-serif\"];\n");
    for n in g.graph.node_indices() {
        let (label, shape) = node_attrs(inst, g.graph[n]);
        let _ = writeln!(
            out,
            "  n{} [label=\"{}\", shape={shape}];",
            n.index(),
            escape_label(&label)
        );
    }
    for e in g.graph.edge_references() {
        let style = match e.weight() {
            Edge::AtFirm => "",
            Edge::ForDepartment => " [color=gray]",
            Edge::Covers => " [color=blue]",
            Edge::MayShare => " [style=dashed, dir=none, color=darkgreen]",
        };
        let _ = writeln!(
            out,
            "  n{} -> n{}{style};",
            e.source().index(),
            e.target().index()
        );
    }
    out.push_str("}\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::devtools::synth::{SynthParams, random_instance};

    #[test]
    fn escapes_quotes_backslashes_and_newlines() {
        assert_eq!(escape_label("a\"b\\c\nd"), "a\\\"b\\\\c\\nd");
        assert_eq!(escape_label("常山县\u{7}公司"), "常山县 公司");
    }

    #[test]
    fn writes_one_line_per_node_and_edge() {
        let mut inst = random_instance(3, &SynthParams::default());
        inst.firms[0].name = "say \"hi\"".into();
        let g = MergeGraph::build(&inst);
        let dot = to_dot(&inst, &g);
        assert!(dot.starts_with("digraph \"synthetic-3\" {"));
        assert!(dot.contains("say \\\"hi\\\""));
        let lines = dot.lines().count();
        assert_eq!(lines, 4 + g.graph.node_count() + g.graph.edge_count());
    }
}
