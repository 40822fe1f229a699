//! Step controls: `#first #prev #next #last` (disabled at the ends), play/pause with a
//! speed choice, the scrubber `input#scrubber`, and `[data-testid=step]` reading
//! `Step k / N`. Every control has an accessible name (`aria-label`); play is a toggle
//! (`aria-pressed`) whose name stays "Play" while its text switches to Pause.

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::state::Action;

/// Speeds offered: (label, milliseconds per step).
const SPEEDS: [(&str, u32); 4] = [("0.5×", 1800), ("1×", 900), ("2×", 450), ("4×", 225)];

/// Props of [`Controls`].
#[derive(Properties, PartialEq)]
pub struct ControlsProps {
    /// Steps applied.
    pub step: usize,
    /// Number of steps.
    pub total: usize,
    /// Is the player running?
    pub playing: bool,
    /// Milliseconds per step.
    pub delay_ms: u32,
    /// Sends actions to the app state.
    pub dispatch: Callback<Action>,
}

/// The step controls.
#[function_component(Controls)]
pub fn controls(props: &ControlsProps) -> Html {
    let send = |a: Action| {
        let d = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| d.emit(a.clone()))
    };
    let on_scrub = {
        let d = props.dispatch.clone();
        Callback::from(move |e: InputEvent| {
            let el: HtmlInputElement = e.target_unchecked_into();
            if let Ok(k) = el.value().parse::<usize>() {
                d.emit(Action::Goto(k));
            }
        })
    };
    let on_speed = {
        let d = props.dispatch.clone();
        Callback::from(move |e: Event| {
            let el: HtmlSelectElement = e.target_unchecked_into();
            if let Ok(ms) = el.value().parse::<u32>() {
                d.emit(Action::SetDelay(ms));
            }
        })
    };
    let at_start = props.step == 0;
    let at_end = props.step >= props.total;
    let play_label = if props.playing {
        "❚❚ Pause"
    } else {
        "▶ Play"
    };
    html! {
        <div class="panel controls-panel">
            <div class="controls" role="group" aria-label="Step through the algorithm">
                <button id="first" class="control-button" title="First step (Home)" aria-label="First step"
                    disabled={at_start} onclick={send(Action::First)}>{"« First"}</button>
                <button id="prev" class="control-button" title="Previous step (←)" aria-label="Previous step"
                    disabled={at_start} onclick={send(Action::Prev)}>{"◀ Prev"}</button>
                <button id="play" class="control-button primary" title="Play / pause (space)" aria-label="Play"
                    aria-pressed={props.playing.to_string()} disabled={props.total == 0}
                    onclick={send(Action::TogglePlay)}>{play_label}</button>
                <button id="next" class="control-button" title="Next step (→)" aria-label="Next step"
                    disabled={at_end} onclick={send(Action::Next)}>{"Next ▶"}</button>
                <button id="last" class="control-button" title="Last step (End)" aria-label="Last step"
                    disabled={at_end} onclick={send(Action::Last)}>{"Last »"}</button>
                <label class="visually-hidden" for="speed">{"Speed"}</label>
                <select id="speed" class="button" title="Playback speed" aria-label="Playback speed" onchange={on_speed}>
                    { for SPEEDS.iter().map(|(label, ms)| html! {
                        <option value={ms.to_string()} selected={*ms == props.delay_ms}>{*label}</option>
                    }) }
                </select>
                <span class="step-indicator" data-testid="step" aria-live="off">
                    { format!("Step {} / {}", props.step, props.total) }
                </span>
            </div>
            <label class="visually-hidden" for="scrubber">{"Step"}</label>
            <input id="scrubber" class="step-slider" type="range" min="0" max={props.total.to_string()}
                step="1" value={props.step.to_string()} oninput={on_scrub}
                aria-valuetext={format!("Step {} of {}", props.step, props.total)} />
        </div>
    }
}
