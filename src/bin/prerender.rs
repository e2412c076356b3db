//! The build's native step, run after `trunk build --release`:
//!
//! 1. renders every route with Yew's SSR into the `<div id="app"></div>` of the
//!    Trunk-built `dist/index.html`, writing `dist/<route>/index.html` and `dist/404.html`,
//!    so each route's content is in its HTML before any wasm runs (the browser then
//!    hydrates it);
//! 2. writes the service worker's precache list and cache version into `dist/sw.js`,
//!    from the files actually in `dist/` (never a hand-kept list);
//! 3. writes the importer worker's loader (`importer-loader.js`, which loads the
//!    importer's wasm-bindgen glue and wasm as Trunk named them) and names it in a
//!    `<meta name="casebook-importer">` on every page, where the app looks for it when the
//!    user opens a case pack. (Trunk's own loader shim calls the glue with deprecated
//!    arguments, which logs a warning on every import.)
//!
//! 4. inlines the stylesheet into every page (a `<style>` pinned in the Content-Security-
//!    Policy by its SHA-256, so no `'unsafe-inline'`), sparing the first paint a
//!    render-blocking request, and removes the now unused CSS file from `dist/`.
//!
//! Usage: `cargo run --features ssr --bin prerender -- dist`

use std::fs;
use std::path::{Path, PathBuf};

use casebook::route::Route;
use casebook::ssr::render;
use yew_router::Routable;

/// The empty mount point Trunk's template carries; filled once per route.
const MOUNT: &str = "<div id=\"app\"></div>";
/// Where `static/sw.js` expects its precache list.
const PRECACHE_PLACEHOLDER: &str = "[/*PRECACHE*/]";
/// Where `static/sw.js` expects its cache version.
const VERSION_PLACEHOLDER: &str = "\"/*VERSION*/\"";

fn main() {
    let dist = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "dist".to_owned()));
    if let Err(message) = run(&dist) {
        eprintln!("prerender: {message}");
        std::process::exit(1);
    }
}

fn run(dist: &Path) -> Result<(), String> {
    let template_path = dist.join("index.html");
    let template = fs::read_to_string(&template_path).map_err(|error| {
        format!(
            "cannot read {}: {error} (run `trunk build --release` first)",
            template_path.display()
        )
    })?;
    if template.matches(MOUNT).count() != 1 {
        return Err(format!(
            "{} must contain exactly one empty `{MOUNT}`; it looks already prerendered. Rebuild with trunk first.",
            template_path.display()
        ));
    }

    let template = inline_stylesheet(dist, &template)?;
    let importer = importer_loader(dist)?;
    let template = template.replacen(
        "</head>",
        &format!("<meta name=\"casebook-importer\" content=\"/{importer}\">\n</head>"),
        1,
    );

    let pack = casebook_core::seed_pack()
        .map_err(|errors| format!("the seed pack does not load:\n{errors}"))?;
    // The built-in case names the site: its heading in every page's description and in
    // the web manifest (the files Trunk copies carry no case's words).
    let template = name_the_case(dist, &template, pack.meta.heading())?;
    let mut routes = Route::static_routes();
    routes.extend(pack.events.iter().map(|event| Route::TimelineEvent {
        event: event.id.to_string(),
    }));

    write_route_list(dist, &routes, pack.meta.heading())?;
    let mut written = 0;
    for route in routes.iter().chain([&Route::NotFound]) {
        let path = route.to_path();
        let body = render(&path);
        let page = template
            .replacen(
                MOUNT,
                &format!(
                    "<div id=\"app\" data-page=\"{}\">{body}</div>",
                    route.page()
                ),
                1,
            )
            .replacen(
                "<title>Casebook</title>",
                &format!(
                    "<title>{}</title>",
                    escape(&route.title(pack.meta.heading()))
                ),
                1,
            );
        let file = match route {
            Route::NotFound => dist.join("404.html"),
            Route::Overview => dist.join("index.html"),
            _ => dist.join(path.trim_start_matches('/')).join("index.html"),
        };
        if let Some(parent) = file.parent() {
            fs::create_dir_all(parent)
                .map_err(|error| format!("cannot create {}: {error}", parent.display()))?;
        }
        fs::write(&file, page)
            .map_err(|error| format!("cannot write {}: {error}", file.display()))?;
        written += 1;
    }

    write_format_page(dist, &template)?;
    written += 1;
    write_service_worker(dist)?;
    println!(
        "prerender: wrote {written} pages and the service worker's precache list into {}",
        dist.display()
    );
    Ok(())
}

/// Writes `dist/routes.json`: every prerendered route with its page and heading, the one
/// list the end-to-end tests, the benchmark and the screenshot script read (an event's
/// route is marked `"event": true`, so they can take one as an example).
fn write_route_list(dist: &Path, routes: &[Route], heading: &str) -> Result<(), String> {
    let list: Vec<serde_json::Value> = routes
        .iter()
        .map(|route| {
            serde_json::json!({
                "path": route.to_path(),
                "page": route.page(),
                "heading": route.heading(heading),
                "event": matches!(route, Route::TimelineEvent { .. }),
            })
        })
        .collect();
    let text = serde_json::to_string_pretty(&list).map_err(|error| error.to_string())?;
    fs::write(dist.join("routes.json"), text + "\n")
        .map_err(|error| format!("cannot write routes.json: {error}"))
}

/// Writes the built-in case's heading into the pages' description and the web manifest's
/// name.
fn name_the_case(dist: &Path, template: &str, heading: &str) -> Result<String, String> {
    const DESCRIPTION: &str = "<meta name=\"description\" content=\"A published case report";
    if template.matches(DESCRIPTION).count() != 1 {
        return Err(
            "the template needs one description starting \"A published case report\"".to_owned(),
        );
    }
    let page = template.replacen(
        DESCRIPTION,
        &format!(
            "<meta name=\"description\" content=\"{}: a published case report",
            escape_attribute(heading)
        ),
        1,
    );
    let manifest_path = dist.join("manifest.webmanifest");
    let manifest = fs::read_to_string(&manifest_path)
        .map_err(|error| format!("cannot read {}: {error}", manifest_path.display()))?;
    let named = manifest.replacen(
        "\"name\": \"Casebook\"",
        &format!(
            "\"name\": {}",
            serde_json::to_string(&format!("Casebook: {heading}")).expect("a string serialises")
        ),
        1,
    );
    fs::write(&manifest_path, named)
        .map_err(|error| format!("cannot write {}: {error}", manifest_path.display()))?;
    Ok(page)
}

/// The case pack format's documentation, as a page of its own (`/format/`): the Markdown
/// of `docs/case-pack-format.md` rendered as HTML, with the app's stylesheet and no
/// script, so an author can read it offline from the app, where packs are opened. The
/// document is the project's own, not a pack's, so its HTML is trusted.
fn write_format_page(dist: &Path, template: &str) -> Result<(), String> {
    use pulldown_cmark::{html, Options, Parser};

    const DOC: &str = include_str!("../../docs/case-pack-format.md");
    let mut body = String::new();
    html::push_html(&mut body, Parser::new_ext(DOC, Options::ENABLE_TABLES));
    // The page keeps the template's head (its stylesheet and strict policy) up to the
    // scripts, and none of the app: nothing on it runs.
    let head_end = template
        .find("</head>")
        .ok_or("the template has no </head>")?;
    let head: String = template[..head_end]
        .lines()
        .filter(|line| {
            !line.contains("<script")
                && !line.contains("modulepreload")
                && !line.contains("rel=\"preload\"")
        })
        .collect::<Vec<_>>()
        .join("\n")
        .replacen(
            "<title>Casebook</title>",
            "<title>The case pack format \u{b7} Casebook</title>",
            1,
        );
    let page = format!(
        "{head}\n</head>\n<body>\n<main id=\"main\" class=\"format-doc page\">\n<p><a href=\"/\">\u{2190} Back to Casebook</a></p>\n{body}</main>\n</body>\n</html>\n"
    );
    let directory = dist.join("format");
    fs::create_dir_all(&directory)
        .map_err(|error| format!("cannot create {}: {error}", directory.display()))?;
    fs::write(directory.join("index.html"), page)
        .map_err(|error| format!("cannot write the format page: {error}"))
}

/// Escapes text for an HTML attribute value in double quotes.
fn escape_attribute(text: &str) -> String {
    escape(text).replace('"', "&quot;")
}

/// Replaces the template's stylesheet link with the stylesheet itself, adds its hash to
/// the CSP's `style-src`, and deletes the file (nothing else refers to it).
fn inline_stylesheet(dist: &Path, template: &str) -> Result<String, String> {
    use base64::Engine;
    use sha2::Digest;

    let start = template
        .find("<link rel=\"stylesheet\"")
        .ok_or("the template has no stylesheet link to inline")?;
    let end = start
        + template[start..]
            .find('>')
            .ok_or("the stylesheet link is not closed")?
        + 1;
    let link = &template[start..end];
    let href = link
        .split("href=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .ok_or("the stylesheet link has no href")?;
    let file = dist.join(href.trim_start_matches('/'));
    let css = fs::read_to_string(&file)
        .map_err(|error| format!("cannot read {}: {error}", file.display()))?;
    if css.contains("</") {
        return Err("the stylesheet contains `</`, which would end an inline <style>".to_owned());
    }
    // Inline, a relative url() would resolve against each page's path, not the CSS file's.
    if css.contains("url(\"")
        && !css
            .split("url(\"")
            .skip(1)
            .all(|rest| rest.starts_with('/') || rest.starts_with("data:"))
    {
        return Err("the stylesheet's url()s must be absolute (/icons/…) to be inlined".to_owned());
    }
    let hash =
        base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(css.as_bytes()));
    let policy = "style-src 'self'";
    if template.matches(policy).count() != 1 {
        return Err(format!("the template's CSP must contain `{policy}` once"));
    }
    let page = format!(
        "{}<style>{css}</style>{}",
        &template[..start],
        &template[end..]
    )
    .replacen(policy, &format!("{policy} 'sha256-{hash}'"), 1);
    fs::remove_file(&file).map_err(|error| format!("cannot remove {}: {error}", file.display()))?;
    Ok(page)
}

/// Writes the importer worker's loader into `dist/` and returns its file name.
fn importer_loader(dist: &Path) -> Result<String, String> {
    let entries =
        fs::read_dir(dist).map_err(|error| format!("cannot list {}: {error}", dist.display()))?;
    let names: Vec<String> = entries
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|name| name.starts_with("casebook-importer"))
        .collect();
    let find = |suffix: &str| -> Result<&String, String> {
        let found: Vec<&String> = names.iter().filter(|n| n.ends_with(suffix)).collect();
        match found.as_slice() {
            [one] => Ok(*one),
            [] => Err(format!(
                "dist/ has no casebook-importer*{suffix}: is the importer's <link> in index.html?"
            )),
            _ => Err(format!(
                "dist/ has several casebook-importer*{suffix}; build into a clean dist/"
            )),
        }
    };
    let wasm = find("_bg.wasm")?;
    let glue = names
        .iter()
        .find(|n| n.ends_with(".js") && !n.ends_with("_loader.js"))
        .ok_or("dist/ has no casebook-importer*.js glue")?;
    let loader = "importer-loader.js";
    fs::write(
        dist.join(loader),
        format!(
            "importScripts(\"./{glue}\");\nwasm_bindgen({{ module_or_path: \"./{wasm}\" }});\n"
        ),
    )
    .map_err(|error| format!("cannot write the importer's loader: {error}"))?;
    Ok(loader.to_owned())
}

/// Fills `dist/sw.js` with the URLs to precache (the app's assets, the static routes'
/// pages and the 404 page; event pages share the timeline page's HTML, which the worker
/// serves for them offline) and a version
/// derived from their contents, so any change to any file installs a new worker.
fn write_service_worker(dist: &Path) -> Result<(), String> {
    let sw_path = dist.join("sw.js");
    let sw = fs::read_to_string(&sw_path)
        .map_err(|error| format!("cannot read {}: {error}", sw_path.display()))?;
    if !sw.contains(PRECACHE_PLACEHOLDER) || !sw.contains(VERSION_PLACEHOLDER) {
        return Err(format!(
            "{} has no precache placeholders; was it already filled?",
            sw_path.display()
        ));
    }
    let mut files = Vec::new();
    collect_files(dist, dist, &mut files)?;
    files.sort();
    let mut urls = Vec::new();
    // SHA-256 (already used for the stylesheet's CSP hash): deterministic across runs,
    // which std's `DefaultHasher` does not promise. Each name and content is written with
    // its length, so no two lists of files can hash alike by shifting bytes between them.
    let mut hash = <sha2::Sha256 as sha2::Digest>::new();
    for relative in &files {
        if relative == "sw.js" || relative == "routes.json" || is_event_page(relative) {
            continue;
        }
        let bytes = fs::read(dist.join(relative))
            .map_err(|error| format!("cannot read {relative}: {error}"))?;
        for part in [relative.as_bytes(), &bytes] {
            sha2::Digest::update(&mut hash, (part.len() as u64).to_le_bytes());
            sha2::Digest::update(&mut hash, part);
        }
        let url = match relative.strip_suffix("index.html") {
            Some(directory) => format!("/{directory}"),
            None => format!("/{relative}"),
        };
        urls.push(format!("\"{url}\""));
    }
    let filled = sw
        .replacen(
            PRECACHE_PLACEHOLDER,
            &format!("[\n  {}\n]", urls.join(",\n  ")),
            1,
        )
        .replacen(
            VERSION_PLACEHOLDER,
            &format!("\"{}\"", hex(&sha2::Digest::finalize(hash)[..8])),
            1,
        );
    fs::write(&sw_path, filled)
        .map_err(|error| format!("cannot write {}: {error}", sw_path.display()))
}

/// `timeline/<event>/index.html`: one page per event for static hosts; the same HTML as
/// `timeline/index.html`, so not precached twice.
fn is_event_page(relative: &str) -> bool {
    relative
        .strip_prefix("timeline/")
        .and_then(|rest| rest.strip_suffix("/index.html"))
        .is_some_and(|event| !event.is_empty() && !event.contains('/'))
}

fn collect_files(root: &Path, directory: &Path, files: &mut Vec<String>) -> Result<(), String> {
    let entries = fs::read_dir(directory)
        .map_err(|error| format!("cannot list {}: {error}", directory.display()))?;
    for entry in entries {
        let path = entry.map_err(|error| error.to_string())?.path();
        if path.is_dir() {
            collect_files(root, &path, files)?;
        } else if let Ok(relative) = path.strip_prefix(root) {
            files.push(relative.to_string_lossy().replace('\\', "/"));
        }
    }
    Ok(())
}

/// Escapes text for an HTML text node.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Bytes as lowercase hexadecimal.
fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::is_event_page;

    #[test]
    fn only_per_event_pages_are_event_pages() {
        assert!(is_event_page("timeline/haemoptysis/index.html"));
        assert!(!is_event_page("timeline/index.html"));
        assert!(!is_event_page("index.html"));
        assert!(!is_event_page("compare/index.html"));
    }
}
