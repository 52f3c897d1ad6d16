//! Stage 6: turn the selection into output. Every format renders the same selected blocks.

mod text;

pub(crate) use text::{block_text, text};
