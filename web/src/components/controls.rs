//! Step controls: `#first #prev #next #last` (disabled at the ends), play/pause with a
//! speed choice, the scrubber `input#scrubber`, and `[data-testid=step]` reading
//! `Step k / N`. Every control has an accessible name (`aria-label`); play is a toggle
//! (`aria-pressed`) whose name stays "Play" while its text switches to Pause.

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::i18n::{Key, Lang};
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
    /// The interface language.
    #[prop_or_default]
    pub lang: Lang,
    /// Next and Last wait for an answer (predict, then reveal).
    #[prop_or_default]
    pub hold: bool,
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
    let l = props.lang;
    let play_label = l.t(if props.playing {
        Key::PauseLabel
    } else {
        Key::PlayLabel
    });
    let stop = at_end || props.hold;
    html! {
        <div class="panel controls-panel">
            <div class="controls" role="group" aria-label={l.t(Key::ControlsGroup)}>
                <button id="first" class="control-button" title={l.t(Key::FirstTitle)} aria-label={l.t(Key::FirstAria)}
                    disabled={at_start} onclick={send(Action::First)}>{l.t(Key::FirstLabel)}</button>
                <button id="prev" class="control-button" title={l.t(Key::PrevTitle)} aria-label={l.t(Key::PrevAria)}
                    disabled={at_start} onclick={send(Action::Prev)}>{l.t(Key::PrevLabel)}</button>
                <button id="play" class="control-button primary" title={l.t(Key::PlayTitle)} aria-label={l.t(Key::PlayAria)}
                    aria-pressed={props.playing.to_string()} disabled={props.total == 0}
                    onclick={send(Action::TogglePlay)}>{play_label}</button>
                <button id="next" class="control-button" title={l.t(Key::NextTitle)} aria-label={l.t(Key::NextAria)}
                    disabled={stop} onclick={send(Action::Next)}>{l.t(Key::NextLabel)}</button>
                <button id="last" class="control-button" title={l.t(Key::LastTitle)} aria-label={l.t(Key::LastAria)}
                    disabled={stop} onclick={send(Action::Last)}>{l.t(Key::LastLabel)}</button>
                <label class="visually-hidden" for="speed">{l.t(Key::SpeedLabel)}</label>
                <select id="speed" class="button" title={l.t(Key::SpeedTitle)} aria-label={l.t(Key::SpeedTitle)} onchange={on_speed}>
                    { for SPEEDS.iter().map(|(label, ms)| html! {
                        <option value={ms.to_string()} selected={*ms == props.delay_ms}>{*label}</option>
                    }) }
                </select>
                <span class="step-indicator" data-testid="step" aria-live="off">
                    { l.f(Key::StepCounter, &[&props.step, &props.total]) }
                </span>
            </div>
            <label class="visually-hidden" for="scrubber">{l.t(Key::StepLabel)}</label>
            <input id="scrubber" class="step-slider" type="range" min="0" max={props.total.to_string()}
                step="1" value={props.step.to_string()} oninput={on_scrub}
                aria-valuetext={l.f(Key::StepCounterAria, &[&props.step, &props.total])} />
        </div>
    }
}
