//! One component per file, each with its `Props` struct right above it. The method panels
//! live in the library half of the crate (`lib.rs`), shared with the tensor lab.

pub mod adjoint_table;
pub mod bug_hunt;
pub mod controls;
pub mod editor;
pub mod graph_parts;
pub mod graph_view;
pub mod inspector;
pub mod lesson_panel;
pub mod method_host;
pub mod mode_tabs;
pub mod narration;
pub mod node_to_grad;
pub mod order_meter;
pub mod predict;
pub mod pseudocode;
pub mod row_window;
pub mod share_menu;
pub mod side_by_side;
