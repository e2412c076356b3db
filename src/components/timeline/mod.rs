//! Components of the timeline view: its state, the drawn chart, the selected event's
//! details, the measurements, and the ordered list that is the chart's text alternative.

pub mod chart;
pub mod details;
pub mod event_list;
pub mod measures;
pub mod state;
