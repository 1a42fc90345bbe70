//! The layout's guard rails, read from the sources: no import circle between the files of the
//! runtime, the endpoints or the macros; no source file too long to read; `__private` only
//! re-exports; the runtime names no endpoint.
//!
//! An import is a path that starts with `crate`, `super` or `self`, anywhere in a file's code
//! (unit tests left out), resolved to the file that defines what it names: through the modules
//! of the file tree and through `pub use` re-exports, which say where a name lives rather than
//! depend on it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use syn::visit::Visit;

/// The sources of the crates whose files must form no circle, relative to the workspace: the
/// runtime, the macros, matrix-client-api and each crate of its endpoint groups.
fn crates() -> Vec<String> {
    let mut crates: Vec<String> = ["api/src", "macros/src", "client-api/src"]
        .map(String::from)
        .into();
    let parts = std::fs::read_dir(workspace().join("client-api/crates")).unwrap();
    for part in parts {
        let name = part.unwrap().file_name().into_string().unwrap();
        crates.push(format!("client-api/crates/{name}/src"));
    }
    crates.sort();
    crates
}

/// The most lines a file may have before its unit tests.
const MAX_LINES: usize = 700;

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// A crate's module tree: module path → its file, and the file's parsed syntax.
struct Crate {
    files: BTreeMap<Vec<String>, PathBuf>,
    syntax: BTreeMap<PathBuf, syn::File>,
}

impl Crate {
    fn load(src: &Path) -> Crate {
        let mut files = BTreeMap::new();
        let mut syntax = BTreeMap::new();
        let mut stack = vec![src.to_path_buf()];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                    continue;
                }
                if path.extension().is_none_or(|e| e != "rs") {
                    continue;
                }
                let relative = path.strip_prefix(src).unwrap();
                let mut module: Vec<String> = relative
                    .with_extension("")
                    .iter()
                    .map(|s| s.to_string_lossy().into_owned())
                    .collect();
                if matches!(module.last().map(String::as_str), Some("mod" | "lib")) {
                    module.pop();
                }
                let text = std::fs::read_to_string(&path).unwrap();
                let file = syn::parse_file(&text)
                    .unwrap_or_else(|err| panic!("{}: {err}", path.display()));
                files.insert(module, path.clone());
                syntax.insert(path, file);
            }
        }
        Crate { files, syntax }
    }

    /// The file of the longest prefix of `module` that is a file module.
    fn file_of(&self, module: &[String]) -> (&PathBuf, usize) {
        (0..=module.len())
            .rev()
            .find_map(|n| self.files.get(&module[..n]).map(|file| (file, n)))
            .expect("the crate root is a file")
    }

    /// The file that defines what `path` (absolute, without `crate`) names.
    fn resolve(&self, path: &[String]) -> PathBuf {
        let (file, depth) = self.file_of(path);
        let rest = &path[depth..];
        // A name the file re-exports from one of its modules lives in that module's file.
        if let Some(name) = rest.first() {
            let module = &path[..depth];
            for (source, names) in reexports(&self.syntax[file]) {
                if names.iter().any(|n| n == name || n == "*") && source.first() != Some(name) {
                    let mut target = base_of(module, &source);
                    if names.iter().any(|n| n == name) {
                        target.push(name.clone());
                    }
                    target.extend(rest[1..].iter().cloned());
                    if self.file_of(&target).0 != file {
                        return self.resolve(&target);
                    }
                }
            }
        }
        file.clone()
    }
}

/// Where a re-export's source path leads, from module `module`: `super`, `self` and `crate`
/// resolved; any other first segment is a module below `module` (or an outside crate, which no
/// file of ours has).
fn base_of(module: &[String], source: &[String]) -> Vec<String> {
    let mut out = module.to_vec();
    for (i, segment) in source.iter().enumerate() {
        match segment.as_str() {
            "crate" if i == 0 => out.clear(),
            "super" => {
                out.pop();
            }
            "self" => {}
            other => out.push(other.to_owned()),
        }
    }
    out
}

/// The `pub use` items of a file: each source module path with the names it re-exports.
fn reexports(file: &syn::File) -> Vec<(Vec<String>, Vec<String>)> {
    fn walk(
        tree: &syn::UseTree,
        prefix: &mut Vec<String>,
        out: &mut Vec<(Vec<String>, Vec<String>)>,
    ) {
        match tree {
            syn::UseTree::Path(path) => {
                prefix.push(path.ident.to_string());
                walk(&path.tree, prefix, out);
                prefix.pop();
            }
            syn::UseTree::Name(name) => out.push((prefix.clone(), vec![name.ident.to_string()])),
            syn::UseTree::Rename(rename) => {
                out.push((prefix.clone(), vec![rename.rename.to_string()]))
            }
            syn::UseTree::Glob(_) => out.push((prefix.clone(), vec!["*".to_owned()])),
            syn::UseTree::Group(group) => group.items.iter().for_each(|t| walk(t, prefix, out)),
        }
    }
    let mut out = Vec::new();
    for item in &file.items {
        if let syn::Item::Use(item) = item {
            if !matches!(item.vis, syn::Visibility::Inherited) {
                walk(&item.tree, &mut Vec::new(), &mut out);
            }
        }
    }
    out
}

fn is_test(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(|attr| {
        attr.path().is_ident("cfg")
            && attr
                .parse_args::<syn::Meta>()
                .is_ok_and(|meta| meta.path().is_ident("test"))
    })
}

/// Every path starting with `crate`, `super` or `self` in a file's code outside unit tests,
/// made absolute, except those of `pub use` items (re-exports).
struct Imports {
    module: Vec<String>,
    found: Vec<Vec<String>>,
}

impl Imports {
    fn add(&mut self, segments: Vec<String>) {
        if matches!(
            segments.first().map(String::as_str),
            Some("crate" | "super" | "self")
        ) {
            self.found.push(base_of(&self.module, &segments));
        }
    }
}

impl<'ast> Visit<'ast> for Imports {
    fn visit_item_mod(&mut self, item: &'ast syn::ItemMod) {
        if is_test(&item.attrs) {
            return;
        }
        self.module.push(item.ident.to_string());
        syn::visit::visit_item_mod(self, item);
        self.module.pop();
    }

    fn visit_item_use(&mut self, item: &'ast syn::ItemUse) {
        if is_test(&item.attrs) || !matches!(item.vis, syn::Visibility::Inherited) {
            return;
        }
        fn walk(tree: &syn::UseTree, prefix: &mut Vec<String>, imports: &mut Imports) {
            match tree {
                syn::UseTree::Path(path) => {
                    prefix.push(path.ident.to_string());
                    walk(&path.tree, prefix, imports);
                    prefix.pop();
                }
                syn::UseTree::Name(syn::UseName { ident })
                | syn::UseTree::Rename(syn::UseRename { ident, .. }) => {
                    let mut path = prefix.clone();
                    if ident != "self" {
                        path.push(ident.to_string());
                    }
                    imports.add(path);
                }
                syn::UseTree::Glob(_) => imports.add(prefix.clone()),
                syn::UseTree::Group(group) => {
                    group.items.iter().for_each(|t| walk(t, prefix, imports))
                }
            }
        }
        walk(&item.tree, &mut Vec::new(), self);
    }

    fn visit_item_fn(&mut self, item: &'ast syn::ItemFn) {
        if !is_test(&item.attrs) {
            syn::visit::visit_item_fn(self, item);
        }
    }

    fn visit_path(&mut self, path: &'ast syn::Path) {
        if path.leading_colon.is_none() {
            self.add(path.segments.iter().map(|s| s.ident.to_string()).collect());
        }
        syn::visit::visit_path(self, path);
    }
}

/// The file-level import graph of a crate.
fn graph(krate: &Crate) -> BTreeMap<PathBuf, BTreeSet<PathBuf>> {
    let mut edges: BTreeMap<PathBuf, BTreeSet<PathBuf>> = BTreeMap::new();
    for (module, file) in &krate.files {
        let mut imports = Imports {
            module: module.clone(),
            found: Vec::new(),
        };
        imports.visit_file(&krate.syntax[file]);
        let targets = edges.entry(file.clone()).or_default();
        for path in imports.found {
            let target = krate.resolve(&path);
            if &target != file {
                targets.insert(target);
            }
        }
    }
    edges
}

/// A circle in the graph, as the files along it, if there is one.
fn find_circle(edges: &BTreeMap<PathBuf, BTreeSet<PathBuf>>) -> Option<Vec<PathBuf>> {
    fn visit(
        node: &PathBuf,
        edges: &BTreeMap<PathBuf, BTreeSet<PathBuf>>,
        done: &mut BTreeSet<PathBuf>,
        stack: &mut Vec<PathBuf>,
    ) -> Option<Vec<PathBuf>> {
        if let Some(at) = stack.iter().position(|n| n == node) {
            let mut circle = stack[at..].to_vec();
            circle.push(node.clone());
            return Some(circle);
        }
        if done.contains(node) {
            return None;
        }
        stack.push(node.clone());
        for next in edges.get(node).into_iter().flatten() {
            if let Some(circle) = visit(next, edges, done, stack) {
                return Some(circle);
            }
        }
        stack.pop();
        done.insert(node.clone());
        None
    }
    let mut done = BTreeSet::new();
    edges
        .keys()
        .find_map(|node| visit(node, edges, &mut done, &mut Vec::new()))
}

#[test]
fn no_import_circle_between_files() {
    for src in crates() {
        let krate = Crate::load(&workspace().join(&src));
        let edges = graph(&krate);
        if let Some(circle) = find_circle(&edges) {
            let shown: Vec<String> = circle
                .iter()
                .map(|f| {
                    f.strip_prefix(workspace())
                        .unwrap_or(f)
                        .display()
                        .to_string()
                })
                .collect();
            panic!("an import circle in {src}: {}", shown.join(" → "));
        }
    }
}

/// The check finds a circle where there is one: two files naming each other.
#[test]
fn a_circle_is_found() {
    let a = PathBuf::from("a.rs");
    let b = PathBuf::from("b.rs");
    let c = PathBuf::from("c.rs");
    let mut edges = BTreeMap::new();
    edges.insert(a.clone(), BTreeSet::from([b.clone()]));
    edges.insert(b.clone(), BTreeSet::from([c.clone()]));
    edges.insert(c.clone(), BTreeSet::new());
    assert_eq!(find_circle(&edges), None);
    edges.get_mut(&c).unwrap().insert(a.clone());
    assert_eq!(find_circle(&edges), Some(vec![a.clone(), b, c, a]));
}

/// Re-exports lead to the defining file, and a file that uses a sibling through its parent's
/// re-export depends on the sibling, not on the parent.
#[test]
fn imports_resolve_through_reexports() {
    let krate = Crate::load(&workspace().join("api/src"));
    let resolve = |path: &str| {
        let segments: Vec<String> = path.split("::").map(str::to_owned).collect();
        let file = krate.resolve(&segments);
        file.strip_prefix(workspace().join("api/src"))
            .unwrap()
            .display()
            .to_string()
    };
    assert_eq!(resolve("json::read_object"), "json/object.rs");
    assert_eq!(resolve("AuthScheme"), "auth.rs");
    assert_eq!(resolve("error::JsonError"), "error.rs");
    assert_eq!(resolve("history::VersionHistory"), "history.rs");
}

#[test]
fn no_file_is_too_long_before_its_unit_tests() {
    let mut long = Vec::new();
    for src in crates() {
        let krate = Crate::load(&workspace().join(&src));
        for file in krate.files.values() {
            let text = std::fs::read_to_string(file).unwrap();
            let lines = text
                .lines()
                .take_while(|line| !line.starts_with("#[cfg(test)]"))
                .count();
            if lines > MAX_LINES {
                long.push(format!("{} ({lines} lines)", file.display()));
            }
        }
    }
    assert!(long.is_empty(), "over {MAX_LINES} lines: {long:?}");
}

#[test]
fn private_module_only_reexports() {
    let text = std::fs::read_to_string(workspace().join("api/src/__private.rs")).unwrap();
    let file = syn::parse_file(&text).unwrap();
    for item in &file.items {
        assert!(
            matches!(item, syn::Item::Use(u) if matches!(u.vis, syn::Visibility::Public(_))),
            "__private defines something of its own: {}",
            quote::ToTokens::to_token_stream(item)
        );
    }
}

#[test]
fn the_runtime_names_no_endpoint() {
    let krate = Crate::load(&workspace().join("api/src"));
    struct Finder(Vec<String>);
    impl<'ast> Visit<'ast> for Finder {
        fn visit_path(&mut self, path: &'ast syn::Path) {
            if path
                .segments
                .first()
                .is_some_and(|s| s.ident == "matrix_client_api")
            {
                self.0
                    .push(quote::ToTokens::to_token_stream(path).to_string());
            }
            syn::visit::visit_path(self, path);
        }
    }
    for (file, syntax) in &krate.syntax {
        let mut finder = Finder(Vec::new());
        finder.visit_file(syntax);
        assert!(
            finder.0.is_empty(),
            "{} names {:?}",
            file.display(),
            finder.0
        );
    }
}
