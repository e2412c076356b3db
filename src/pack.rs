//! The case pack every view reads, provided through a Yew context.
//!
//! The seed pack is embedded in the binary and parsed once per page load. It is validated
//! by the test suite on every build; should it still fail here, the views show the errors
//! instead of panicking.

use std::rc::Rc;

use casebook_core::{CasePack, PackErrors};
use yew::prelude::*;

/// The loaded pack, or every error that kept it from loading.
pub type LoadedPack = Rc<Result<CasePack, PackErrors>>;

/// Parses the embedded seed pack.
pub fn load_seed() -> LoadedPack {
    Rc::new(casebook_core::seed_pack())
}

/// The pack of the current page. Panics only if no provider wraps the component, which is
/// a programming error caught by every test that renders a page.
#[hook]
pub fn use_pack() -> LoadedPack {
    use_context::<LoadedPack>().expect("the Shell provides the pack context")
}
