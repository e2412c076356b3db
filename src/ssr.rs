//! Rendering a route to HTML natively, as the prerender step does at build time and the
//! native tests do to check every page: one function, so what is tested is what ships.

use yew::ServerRenderer;

use crate::app::{ServerApp, ServerAppProps};

/// Renders one path to hydratable HTML (what the browser hydrates).
pub fn render(path: &str) -> String {
    let path = path.to_owned();
    futures::executor::block_on(
        ServerRenderer::<ServerApp>::with_props(move || ServerAppProps { path: path.into() })
            .hydratable(true)
            .render(),
    )
}
