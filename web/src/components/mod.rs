//! One component per file, each with its `Props` struct right above it.

pub mod adjoint_table;
pub mod bug_hunt;
pub mod controls;
pub mod editor;
pub mod graph_parts;
pub mod graph_view;
pub mod inspector;
pub mod lesson_panel;
pub mod mode_tabs;
pub mod narration;
pub mod node_to_grad;
pub mod numeric_panel;
pub mod order_meter;
pub mod plot_axes;
pub mod predict;
pub mod pseudocode;
pub mod share_menu;
pub mod side_by_side;
pub mod symbolic_panel;
