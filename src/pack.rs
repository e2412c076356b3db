//! The case pack every view reads, provided through a Yew context.
//!
//! The seed pack is validated by the build script (`build.rs`) and embedded pre-parsed;
//! it is decoded once per page load. Should decoding still fail, the views show the error
//! instead of panicking.

use std::rc::Rc;

use casebook_core::{CasePack, PackErrors};
use yew::prelude::*;

/// The loaded pack, or every error that kept it from loading.
pub type LoadedPack = Rc<Result<CasePack, PackErrors>>;

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
                Rc::new(casebook_core::binary::decode(SEED).map_err(|message| {
                    PackErrors::whole_file(casebook_core::SEED_PACK_FILE, message)
                }))
            })
            .clone()
    })
}

/// The pack of the current page. Panics only if no provider wraps the component, which is
/// a programming error caught by every test that renders a page.
#[hook]
pub fn use_pack() -> LoadedPack {
    use_context::<LoadedPack>().expect("the Shell provides the pack context")
}
