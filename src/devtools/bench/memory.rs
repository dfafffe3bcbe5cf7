//! Reads the peak resident memory of this process.
//!
//! `VmHWM` is the high-water mark of the resident set since the process started, so a figure
//! belongs to one instance only when the process ran that instance alone: the bench runs each
//! instance in a child process for that reason.

/// Peak resident memory of this process so far in MiB, or `None` where `/proc` is missing
/// (a platform other than Linux): a bench there still reports quality and time.
pub fn peak_memory_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    parse_vm_hwm_kb(&status).map(|kb| kb as f64 / 1024.0)
}

/// The `VmHWM:` line of a `/proc/<pid>/status` text, in kB.
fn parse_vm_hwm_kb(status: &str) -> Option<u64> {
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_high_water_mark_line() {
        let status = "Name:\tchayici\nVmPeak:\t  999 kB\nVmHWM:\t   45300 kB\nVmRSS:\t 1 kB\n";
        assert_eq!(parse_vm_hwm_kb(status), Some(45_300));
        assert_eq!(parse_vm_hwm_kb("Name: x\n"), None);
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn this_process_has_a_peak() {
        assert!(peak_memory_mb().is_some_and(|mb| mb > 0.0));
    }
}
