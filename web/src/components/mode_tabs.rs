//! The mode tabs `button[data-mode=…]` (`role="tab"` in a `role="tablist"`, the active one
//! `aria-selected="true"`), and for forward mode the `select#wrt` choosing the input variable
//! to differentiate against. The tabs stay in the tab order one by one rather than taking
//! ←/→ for themselves (the tab pattern's roving focus): those keys step the algorithm.

use adjoint_engine::trace::Variable;
use adjoint_engine::Mode;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::i18n::{Key, Lang};

/// Props of [`ModeTabs`].
#[derive(Properties, PartialEq)]
pub struct ModeTabsProps {
    /// The active mode.
    pub mode: Mode,
    /// Forward mode's variable index.
    pub wrt: usize,
    /// The trace's inputs, for the `wrt` choice.
    pub variables: Vec<Variable>,
    /// Called with the picked mode.
    pub on_mode: Callback<Mode>,
    /// Called with the picked variable index.
    pub on_wrt: Callback<usize>,
    /// Only extended mode applies (tensor programs): the other tabs are disabled and say
    /// why.
    #[prop_or_default]
    pub extended_only: bool,
    /// The interface language.
    #[prop_or_default]
    pub lang: Lang,
    /// Is the side-by-side view (backprop and extended graph, §2.5) on?
    #[prop_or_default]
    pub side: bool,
    /// Called with the side-by-side view's new state.
    #[prop_or_default]
    pub on_side: Callback<bool>,
}

/// The tab's text and tooltip.
fn keys(mode: Mode) -> (Key, Key) {
    match mode {
        Mode::Forward => (Key::ModeForward, Key::ModeForwardTip),
        Mode::Reverse => (Key::ModeReverse, Key::ModeReverseTip),
        Mode::Extended => (Key::ModeExtended, Key::ModeExtendedTip),
        Mode::Backprop => (Key::ModeBackprop, Key::ModeBackpropTip),
    }
}

/// The tabs.
#[function_component(ModeTabs)]
pub fn mode_tabs(props: &ModeTabsProps) -> Html {
    let on_wrt = {
        let cb = props.on_wrt.clone();
        Callback::from(move |e: Event| {
            let el: HtmlSelectElement = e.target_unchecked_into();
            if let Ok(i) = el.value().parse::<usize>() {
                cb.emit(i);
            }
        })
    };
    let l = props.lang;
    let on_side = {
        let (cb, side) = (props.on_side.clone(), props.side);
        Callback::from(move |_: MouseEvent| cb.emit(!side))
    };
    html! {
        <div class="panel">
            <h2 id="mode-title">{l.t(Key::ModeTitle)}</h2>
            <div class="mode-tabs" role="tablist" aria-labelledby="mode-title">
                { for Mode::ALL.into_iter().map(|m| {
                    let active = m == props.mode && !props.side;
                    let (text, tip) = keys(m);
                    let cb = props.on_mode.clone();
                    let off = props.extended_only && m != Mode::Extended;
                    html! {
                        <button class={classes!("mode-tab", active.then_some("is-active"))} type="button"
                            role="tab" aria-selected={active.to_string()} data-mode={m.name()}
                            title={l.t(if off { Key::TensorExtendedOnly } else { tip })} disabled={off}
                            aria-disabled={off.then_some("true")}
                            onclick={Callback::from(move |_: MouseEvent| cb.emit(m))}>
                            { l.t(text) }
                        </button>
                    }
                }) }
            </div>
            if !props.extended_only {
                <button id="side-by-side" type="button" class={classes!("mode-tab", "side-toggle", props.side.then_some("is-active"))}
                    aria-pressed={props.side.to_string()} title={l.t(Key::ViewSideTip)} onclick={on_side}>
                    { l.t(Key::ViewSide) }
                </button>
            }
            if props.mode == Mode::Forward && !props.side {
                <div class="field">
                    <label for="wrt">{l.t(Key::WrtLabel)}</label>
                    <select id="wrt" class="button" onchange={on_wrt}>
                        { for props.variables.iter().enumerate().map(|(i, v)| html! {
                            <option value={i.to_string()} selected={i == props.wrt}>{ &v.name }</option>
                        }) }
                    </select>
                </div>
            }
        </div>
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::components::adjoint_table::render_tests::render;

    #[tokio::test(flavor = "current_thread")]
    async fn tabs_are_a_tablist_with_one_selected_tab() {
        let props = ModeTabsProps {
            mode: Mode::Reverse,
            wrt: 0,
            variables: Vec::new(),
            on_mode: Callback::noop(),
            on_wrt: Callback::noop(),
            extended_only: false,
            lang: Lang::En,
            side: false,
            on_side: Callback::noop(),
        };
        let html = render::<ModeTabs>(props).await;
        assert!(html.contains(r#"role="tablist""#), "{html}");
        assert_eq!(html.matches(r#"role="tab""#).count(), Mode::ALL.len());
        assert_eq!(html.matches(r#"aria-selected="true""#).count(), 1);
        let reverse = html.find(r#"data-mode="reverse""#).expect("a reverse tab");
        let tag_start = html[..reverse].rfind("<button").expect("in a button");
        let tag_end = reverse + html[reverse..].find('>').expect("closed");
        assert!(
            html[tag_start..tag_end].contains(r#"aria-selected="true""#),
            "{}",
            &html[tag_start..tag_end]
        );
        assert!(
            !html.contains("id=\"wrt\""),
            "no variable choice outside forward mode"
        );
    }

    #[tokio::test(flavor = "current_thread")]
    async fn tensor_programs_disable_every_tab_but_extended_and_say_why() {
        let props = ModeTabsProps {
            mode: Mode::Extended,
            wrt: 0,
            variables: Vec::new(),
            on_mode: Callback::noop(),
            on_wrt: Callback::noop(),
            extended_only: true,
            lang: Lang::En,
            side: false,
            on_side: Callback::noop(),
        };
        let html = render::<ModeTabs>(props).await;
        assert_eq!(html.matches(r#"disabled="disabled""#).count(), 3, "{html}");
        assert_eq!(
            html.matches(Lang::En.t(Key::TensorExtendedOnly)).count(),
            3,
            "{html}"
        );
        let extended = html
            .find(r#"data-mode="extended""#)
            .expect("the extended tab");
        let tag_end = extended + html[extended..].find('>').expect("closed");
        assert!(!html[extended..tag_end].contains("disabled"), "{html}");
    }
}
