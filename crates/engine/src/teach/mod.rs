//! Teaching helpers built on the algorithms: questions a student answers before a step
//! is revealed (with the rule a wrong answer missed), reverse AD run with the classic
//! mistakes planted, and node counts per derivative order. The app only shows these;
//! the derivative math stays here.

pub mod bugs;
pub mod mistake;
pub mod orders;
pub mod planted;
pub mod predict;
pub mod slips;

pub use bugs::{run_bug, Bug, BugRun, Divergence, GradientDiff, VisitRecord};
pub use mistake::{Mistake, Slip};
pub use orders::{order_counts, OrderCount, MAX_TEACH_ORDER};
pub use predict::{judge, judge_text_for, parse_answer, question, Asked, Question, Verdict};
