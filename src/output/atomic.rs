//! Provides the one way a single output file is replaced: written beside it, then renamed.

use anyhow::Context;
use std::io::{BufWriter, Write};
use std::path::Path;

/// Writes `path` through a sibling temporary file renamed into place, so a reader never sees
/// half a file and a failure leaves the previous version. The file is created with
/// `File::create` so it gets the usual permissions (a `tempfile` would be private, 0600):
/// the files are for people to open and share.
pub fn write_atomically(
    path: &Path,
    body: impl FnOnce(&mut BufWriter<&mut std::fs::File>) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let name = path
        .file_name()
        .map_or_else(|| "output".into(), |n| n.to_string_lossy().into_owned());
    let tmp = path.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut file = std::fs::File::create(&tmp)?;
        let mut w = BufWriter::new(&mut file);
        body(&mut w)?;
        w.flush()?;
        drop(w);
        file.sync_all()?;
        std::fs::rename(&tmp, path)?;
        anyhow::Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result.with_context(|| format!("cannot write {}", path.display()))
}
