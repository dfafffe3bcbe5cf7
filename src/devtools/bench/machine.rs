//! Describes the machine a run was taken on, because a time means nothing without it.

use serde::{Deserialize, Serialize};

/// Processor, cores and memory of this machine, as far as the system tells.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Machine {
    /// Processor model (`/proc/cpuinfo`), or `unknown`.
    pub cpu: String,
    /// Cores this process may use.
    pub cores: usize,
    /// Total memory in GiB (`/proc/meminfo`), when known.
    pub memory_gib: Option<f64>,
    /// Operating system and architecture.
    pub os: String,
}

impl Machine {
    /// Reads the description of this machine.
    pub fn this() -> Self {
        let cpu = std::fs::read_to_string("/proc/cpuinfo")
            .ok()
            .and_then(|s| field(&s, "model name"))
            .unwrap_or_else(|| "unknown".to_string());
        let memory_gib = std::fs::read_to_string("/proc/meminfo")
            .ok()
            .and_then(|s| field(&s, "MemTotal"))
            .and_then(|v| v.split_whitespace().next()?.parse::<f64>().ok())
            .map(|kb| (kb / 1024.0 / 1024.0 * 10.0).round() / 10.0);
        Self {
            cpu,
            cores: std::thread::available_parallelism().map_or(1, |n| n.get()),
            memory_gib,
            os: format!("{} {}", std::env::consts::OS, std::env::consts::ARCH),
        }
    }

    /// One line for the top of a table.
    pub fn line(&self) -> String {
        let mem = self
            .memory_gib
            .map_or_else(String::new, |g| format!(", {g} GiB memory"));
        format!("{}, {} cores{mem}, {}", self.cpu, self.cores, self.os)
    }
}

/// The value of the first `key: value` line of a `/proc` file.
fn field(text: &str, key: &str) -> Option<String> {
    text.lines()
        .filter_map(|l| l.split_once(':'))
        .find(|(k, _)| k.trim() == key)
        .map(|(_, v)| v.trim().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_proc_style_fields() {
        let text = "processor\t: 0\nmodel name\t: Some CPU @ 2.0GHz\nMemTotal:  16 kB\n";
        assert_eq!(
            field(text, "model name").as_deref(),
            Some("Some CPU @ 2.0GHz")
        );
        assert_eq!(field(text, "MemTotal").as_deref(), Some("16 kB"));
        assert_eq!(field(text, "flags"), None);
    }
}
