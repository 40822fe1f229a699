//! The program editor: `textarea#program`, `input#inputs`, and the error under them
//! (`[data-testid=parse-error]`, present only when the latest run failed). Text goes up on
//! every keystroke; nothing here rewrites what the user typed.

use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::i18n::{Key, Lang};
use crate::state::{ErrorView, Lab};

/// Lecture examples offered in the picker: (title, program, values).
pub const EXAMPLES: [(Key, &str, &str); 4] = [
    (
        Key::ExampleLecture,
        "ln(x1) + x1*x2 - sin(x2)",
        "x1=2, x2=5",
    ),
    (
        Key::ExampleExtended,
        "v2 = exp(x1)\nv3 = v2 + 1\nv4 = v2 * v3",
        "x1=1",
    ),
    (
        Key::ExampleProduct,
        "x1 * x2 * x3 * x4",
        "x1=1, x2=2, x3=3, x4=4",
    ),
    (
        Key::ExampleNeuron,
        "z = w*x + b\ny = sigmoid(z)",
        "w=0.5, x=2, b=-1",
    ),
];

/// Props of [`Editor`].
#[derive(Properties, PartialEq)]
pub struct EditorProps {
    /// The program text.
    pub program: AttrValue,
    /// The values text.
    pub values: AttrValue,
    /// The latest run's error.
    pub error: Option<ErrorView>,
    /// Called with the new program text on every input.
    pub on_program: Callback<String>,
    /// Called with the new values text on every input.
    pub on_values: Callback<String>,
    /// Called with (program, values) when an example is picked.
    pub on_example: Callback<(String, String)>,
    /// Is the program a tensor program (values as JSON)?
    #[prop_or_default]
    pub tensor: bool,
    /// The interface language.
    #[prop_or_default]
    pub lang: Lang,
    /// Where the tensor engine's module stands (shown for tensor programs).
    #[prop_or_default]
    pub lab: Lab,
}

/// The example picked by the picker's option value: `3` is `EXAMPLES[3]`, `t1` the second
/// tensor preset (program, inputs JSON).
pub fn example(value: &str) -> Option<(String, String)> {
    if let Some(i) = value.strip_prefix('t') {
        let p = adjoint_tensor::presets::all()
            .into_iter()
            .nth(i.parse().ok()?)?;
        return Some((p.program.to_string(), p.inputs));
    }
    let (_, p, v) = EXAMPLES.get(value.parse::<usize>().ok()?)?;
    Some((p.to_string(), v.to_string()))
}

/// The editor panel.
#[function_component(Editor)]
pub fn editor(props: &EditorProps) -> Html {
    let on_program = {
        let cb = props.on_program.clone();
        Callback::from(move |e: InputEvent| {
            let el: HtmlTextAreaElement = e.target_unchecked_into();
            cb.emit(el.value());
        })
    };
    let on_values = {
        let cb = props.on_values.clone();
        Callback::from(move |e: InputEvent| {
            let el: HtmlInputElement = e.target_unchecked_into();
            cb.emit(el.value());
        })
    };
    let on_example = {
        let cb = props.on_example.clone();
        Callback::from(move |e: Event| {
            let el: web_sys::HtmlSelectElement = e.target_unchecked_into();
            if let Some(picked) = example(&el.value()) {
                cb.emit(picked);
            }
            el.set_value("");
        })
    };
    let err = props.error.as_ref();
    let l = props.lang;
    let program_class = classes!("field", err.filter(|e| !e.in_values).map(|_| "has-error"));
    let values_class = classes!("field", err.filter(|e| e.in_values).map(|_| "has-error"));
    html! {
        <section class="panel editor" aria-labelledby="editor-title">
            <h2 id="editor-title">{l.t(Key::EditorTitle)}</h2>
            <div class={program_class}>
                <label for="program">{l.t(Key::ProgramLabel)}</label>
                <textarea id="program" spellcheck="false" autocomplete="off" rows="5"
                    aria-invalid={err.is_some_and(|e| !e.in_values).to_string()}
                    aria-describedby="editor-hint"
                    value={props.program.clone()} oninput={on_program} />
            </div>
            <div class={values_class}>
                <label for="inputs">{ l.t(if props.tensor { Key::TensorValuesLabel } else { Key::InputValuesLabel }) }</label>
                <input id="inputs" type="text" spellcheck="false" autocomplete="off"
                    aria-invalid={err.is_some_and(|e| e.in_values).to_string()}
                    value={props.values.clone()} oninput={on_values} />
            </div>
            { error_view(l, err) }
            if props.tensor {
                { lab_status(l, &props.lab) }
            }
            <div class="field hide-when-presenting">
                <label for="examples">{l.t(Key::ExamplesLabel)}</label>
                <select id="examples" class="button" onchange={on_example}>
                    <option value="" selected=true>{l.t(Key::LoadExample)}</option>
                    { for EXAMPLES.iter().enumerate().map(|(i, (title, _, _))| html! {
                        <option value={i.to_string()}>{l.t(*title)}</option>
                    }) }
                    <optgroup label={l.t(Key::TensorPresetsGroup)}>
                        { for TENSOR_PRESETS.iter().enumerate().map(|(i, &k)| html! {
                            <option value={format!("t{i}")}>{ l.t(k) }</option>
                        }) }
                    </optgroup>
                </select>
            </div>
            <p id="editor-hint" class="hint hide-when-presenting">
                {l.t(Key::EditorHint)}
            </p>
        </section>
    }
}

/// The names of `adjoint_tensor::presets::all()`, in its order (the picker's `t0`, `t1`,
/// `t2`); named here so rendering the picker does not build the presets' inputs.
const TENSOR_PRESETS: [Key; 3] = [Key::PresetMatmul, Key::PresetDict, Key::PresetMlp];

/// The error under the fields: its framing ("Error:", the place) in `l`; the engine's
/// own message stays in English.
fn error_view(l: Lang, err: Option<&ErrorView>) -> Html {
    let Some(e) = err else { return html! {} };
    let place = if e.line == 0 {
        String::new()
    } else if e.in_values {
        l.f(Key::ErrorPlaceValues, &[&e.column])
    } else {
        l.f(Key::ErrorPlaceLine, &[&e.line, &e.column])
    };
    html! {
        <div class="parse-error" data-testid="parse-error" role="alert">
            <strong>{l.t(Key::ErrorPrefix)}</strong>{ &e.message }
            if !place.is_empty() {
                <span class="hint">{" ("}{place}{")"}</span>
                <pre>{ format!("{}\n{}", e.source_line, e.caret) }</pre>
            }
            <div class="hint">{l.t(Key::ShowingLastGood)}</div>
        </div>
    }
}

/// The tensor engine's module while it loads, or why it did not.
fn lab_status(l: Lang, lab: &Lab) -> Html {
    match lab {
        Lab::Idle => html! {},
        Lab::Loading => html! {
            <p class="hint" data-testid="lab-status" role="status">{l.t(Key::LabLoading)}</p>
        },
        Lab::Failed(why) => html! {
            <div class="parse-error" data-testid="lab-status" role="alert">{l.f(Key::LabFailed, &[why])}</div>
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picker_values_name_scalar_examples_and_tensor_presets() {
        let (p, v) = example("0").expect("the lecture example");
        assert_eq!((p.as_str(), v.as_str()), (EXAMPLES[0].1, EXAMPLES[0].2));
        let (p, v) = example("t0").expect("the Z = XW preset");
        assert!(
            p.contains('@') && v.trim_start().starts_with('{'),
            "{p} / {v}"
        );
        assert!(adjoint_tensor::looks_like_tensor_program(&p, &v));
        let (p, _) = example("t1").expect("the dict preset");
        assert!(p.contains(r#"d["cat"]"#), "{p}");
        assert!(example("t9").is_none() && example("").is_none() && example("x").is_none());
        let presets = adjoint_tensor::presets::all();
        assert_eq!(presets.len(), TENSOR_PRESETS.len(), "a name per preset");
        for (p, k) in presets.iter().zip(TENSOR_PRESETS) {
            assert_eq!(Lang::En.t(k), p.name, "English names are the crate's");
        }
    }
}
