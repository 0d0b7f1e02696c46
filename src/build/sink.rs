//! Takes the files a build makes and gives them a place: a `Sink` is where the pipeline puts
//! each page, feed, index file and static file as soon as it is made. `output::Staging` is the
//! sink of `bantin build` (a staging folder beside the output, swapped in at the end); `Memory`
//! is the sink of the preview and of `bantin check` (nothing touches the disk).

use std::collections::BTreeMap;
use std::sync::Mutex;

use crate::output::{Origin, Output, OutputError, Staging};

/// Where the pipeline puts the files it makes; called from several threads at once.
pub trait Sink: Sync {
    /// A file the build made (a page, a feed, a file of the search index, the sitemap).
    fn file(&self, output: Output) -> Result<(), OutputError>;
    /// A static file of the theme or the site, published as it is.
    fn copy(&self, path: &str, origin: &Origin) -> Result<(), OutputError>;
    /// Files already where the site goes that stay published beside the build's own
    /// (`--keep-foreign-files`), by output path: links to them lead somewhere.
    fn kept(&self) -> Vec<String> {
        Vec::new()
    }
}

impl Sink for Staging {
    fn file(&self, output: Output) -> Result<(), OutputError> {
        self.write(&output)
    }

    fn copy(&self, path: &str, origin: &Origin) -> Result<(), OutputError> {
        Staging::copy(self, path, origin)
    }

    fn kept(&self) -> Vec<String> {
        Staging::kept(self)
    }
}

/// Keeps every file in memory.
#[derive(Default)]
pub struct Memory {
    files: Mutex<Vec<Output>>,
    statics: Mutex<BTreeMap<String, Origin>>,
}

impl Memory {
    /// The files made, and the static files by path with where their bytes are.
    pub fn into_parts(self) -> (Vec<Output>, BTreeMap<String, Origin>) {
        let files = self.files.into_inner().unwrap_or_else(|e| e.into_inner());
        let statics = self.statics.into_inner().unwrap_or_else(|e| e.into_inner());
        (files, statics)
    }
}

impl Sink for Memory {
    fn file(&self, output: Output) -> Result<(), OutputError> {
        self.files
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(output);
        Ok(())
    }

    fn copy(&self, path: &str, origin: &Origin) -> Result<(), OutputError> {
        self.statics
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(path.to_string(), origin.clone());
        Ok(())
    }
}
