//! The case pack every view reads, provided through a Yew context.
//!
//! The seed pack is validated by the build script (`build.rs`) and embedded pre-parsed;
//! it is decoded once per page load. The shell settles whether a pack loaded, once: the
//! views only ever receive a pack that did (`use_pack`), and a pack that failed is shown
//! as its errors instead of any view (`components::pack_failed`).

use std::rc::Rc;

use casebook_core::{CasePack, PackErrors};
use yew::prelude::*;

/// The loaded pack, or every error that kept it from loading: what the shell settles.
pub type LoadedPack = Result<Rc<CasePack>, Rc<PackErrors>>;

/// The seed pack as validated and encoded by `build.rs`.
const SEED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/seed.casepack.bin"));

/// The embedded seed pack, decoded once per thread (the page, or the prerender step) and
/// shared: the shell and the case list both need it, and decoding is not free.
pub fn load_seed() -> LoadedPack {
    thread_local! {
        static DECODED: std::cell::OnceCell<LoadedPack> = const { std::cell::OnceCell::new() };
    }
    DECODED.with(|decoded| {
        decoded
            .get_or_init(|| {
                casebook_core::binary::decode(SEED)
                    .map(Rc::new)
                    .map_err(|message| {
                        Rc::new(PackErrors::whole_file(
                            casebook_core::SEED_PACK_FILE,
                            message,
                        ))
                    })
            })
            .clone()
    })
}

/// The pack of the current page: one that loaded. Panics only if no provider wraps the
/// component, which is a programming error caught by every test that renders a page.
#[hook]
pub fn use_pack() -> Rc<CasePack> {
    use_context::<Rc<CasePack>>().expect("the Shell provides the pack that loaded")
}

/// The pack of the current page when one loaded (for the parts of the shell shown even
/// when it did not: the footer).
#[hook]
pub fn use_pack_if_loaded() -> Option<Rc<CasePack>> {
    use_context::<Rc<CasePack>>()
}
