//! Builds the merge graph: firms, tasks, departments and teams as nodes, with the relations
//! the planner and the reports navigate, chief among them which tasks may share a visit.

use super::firm_slots::FirmSlots;
use super::partition::compatibility;
use super::reasons::unschedulable_reason;
use crate::model::{DeptIndex, FirmIndex, Instance, TaskIndex, TeamIndex};
use petgraph::Direction;
use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::EdgeRef;
use rayon::prelude::*;

/// What a node of the merge graph stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Node {
    /// A firm of the register.
    Firm(FirmIndex),
    /// A task of some department's plan.
    Task(TaskIndex),
    /// A department.
    Department(DeptIndex),
    /// An inspection team.
    Team(TeamIndex),
}

/// What an edge of the merge graph says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Edge {
    /// Task → the firm it inspects.
    AtFirm,
    /// Task → the department that asks for it.
    ForDepartment,
    /// Team → a department it may inspect for.
    Covers,
    /// Task → a later task of the same firm: the two could be done in one visit. The relation
    /// is symmetric; the edge runs from the lower index only so it is stored once.
    MayShare,
}

/// The graph of firms, tasks, departments and teams, with index maps both ways.
#[derive(Debug, Clone)]
pub struct MergeGraph {
    /// The petgraph graph; node weights say what each node stands for.
    pub graph: DiGraph<Node, Edge>,
    firm_nodes: Vec<NodeIndex>,
    task_nodes: Vec<NodeIndex>,
    department_nodes: Vec<NodeIndex>,
    team_nodes: Vec<NodeIndex>,
}

impl MergeGraph {
    /// Builds the graph; the pairwise "may share" test runs per firm in parallel, and the
    /// graph is the same whatever the thread count.
    pub fn build(inst: &Instance) -> Self {
        let mut graph = DiGraph::new();
        let firm_nodes: Vec<NodeIndex> = (0..inst.firms.len())
            .map(|f| graph.add_node(Node::Firm(f)))
            .collect();
        let department_nodes: Vec<NodeIndex> = (0..inst.departments.len())
            .map(|d| graph.add_node(Node::Department(d)))
            .collect();
        let team_nodes: Vec<NodeIndex> = (0..inst.teams.len())
            .map(|t| graph.add_node(Node::Team(t)))
            .collect();
        let task_nodes: Vec<NodeIndex> = (0..inst.tasks.len())
            .map(|t| graph.add_node(Node::Task(t)))
            .collect();
        for (t, task) in inst.tasks.iter().enumerate() {
            graph.add_edge(task_nodes[t], firm_nodes[task.firm], Edge::AtFirm);
            graph.add_edge(
                task_nodes[t],
                department_nodes[task.department],
                Edge::ForDepartment,
            );
        }
        for (t, team) in inst.teams.iter().enumerate() {
            for d in team
                .departments
                .iter()
                .filter(|&d| d < department_nodes.len())
            {
                graph.add_edge(team_nodes[t], department_nodes[d], Edge::Covers);
            }
        }
        for (a, b) in share_pairs(inst) {
            graph.add_edge(task_nodes[a], task_nodes[b], Edge::MayShare);
        }
        Self {
            graph,
            firm_nodes,
            task_nodes,
            department_nodes,
            team_nodes,
        }
    }

    /// The node of a firm.
    pub fn firm_node(&self, f: FirmIndex) -> NodeIndex {
        self.firm_nodes[f]
    }

    /// The node of a task.
    pub fn task_node(&self, t: TaskIndex) -> NodeIndex {
        self.task_nodes[t]
    }

    /// The node of a department.
    pub fn department_node(&self, d: DeptIndex) -> NodeIndex {
        self.department_nodes[d]
    }

    /// The node of a team.
    pub fn team_node(&self, t: TeamIndex) -> NodeIndex {
        self.team_nodes[t]
    }

    /// The tasks that could share a visit with `t`, in increasing order.
    pub fn may_share_with(&self, t: TaskIndex) -> Vec<TaskIndex> {
        let n = self.task_nodes[t];
        let mut out: Vec<TaskIndex> = [Direction::Outgoing, Direction::Incoming]
            .into_iter()
            .flat_map(|dir| self.graph.edges_directed(n, dir))
            .filter(|e| *e.weight() == Edge::MayShare)
            .filter_map(|e| {
                let other = if e.source() == n {
                    e.target()
                } else {
                    e.source()
                };
                match self.graph[other] {
                    Node::Task(o) => Some(o),
                    _ => None,
                }
            })
            .collect();
        out.sort_unstable();
        out
    }

    /// Number of "may share a visit" pairs.
    pub fn share_pair_count(&self) -> usize {
        self.graph
            .edge_weights()
            .filter(|&&e| e == Edge::MayShare)
            .count()
    }
}

/// Every pair `(a, b)`, `a < b`, of tasks of one firm that could be one visit, sorted.
pub fn share_pairs(inst: &Instance) -> Vec<(TaskIndex, TaskIndex)> {
    let by_firm = inst.tasks_by_firm();
    let per_firm: Vec<Vec<(TaskIndex, TaskIndex)>> = by_firm
        .par_iter()
        .enumerate()
        .map(|(firm, tasks)| {
            crate::solve::parallel::note_work("share pairs", &inst.name);
            let tasks: Vec<TaskIndex> = tasks
                .iter()
                .copied()
                .filter(|&t| unschedulable_reason(inst, t).is_none())
                .collect();
            if tasks.len() < 2 {
                return Vec::new();
            }
            let c = compatibility(inst, &FirmSlots::new(inst, firm), &tasks);
            let mut pairs = Vec::new();
            for i in 0..tasks.len() {
                for j in i + 1..tasks.len() {
                    if c[i][j] {
                        pairs.push((tasks[i], tasks[j]));
                    }
                }
            }
            pairs
        })
        .collect();
    let mut pairs = per_firm.concat();
    pairs.sort_unstable();
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::devtools::synth::{SynthParams, random_instance};
    use crate::graph::can_share_visit;

    #[test]
    fn share_edges_are_exactly_the_feasible_pairs() {
        let inst = random_instance(
            2,
            &SynthParams {
                firms: 15,
                max_tasks_per_firm: 5,
                ..SynthParams::default()
            },
        );
        let g = MergeGraph::build(&inst);
        let mut expected = 0;
        for a in 0..inst.tasks.len() {
            let shares = g.may_share_with(a);
            for b in 0..inst.tasks.len() {
                let ok = a != b && can_share_visit(&inst, &[a, b]);
                assert_eq!(shares.contains(&b), ok, "{a} {b}");
                expected += usize::from(ok && a < b);
            }
        }
        assert_eq!(g.share_pair_count(), expected);
        let n = inst.firms.len() + inst.tasks.len() + inst.departments.len() + inst.teams.len();
        assert_eq!(g.graph.node_count(), n);
        assert_eq!(g.graph[g.task_node(3)], Node::Task(3));
    }
}
