//! The names of every interface string, grouped by the part of the page that shows it.
//! [`Key::ALL`] lists them for the completeness tests and for the Chinese table's order
//! (`i18n/table.rs`).

/// Declares [`Key`] and [`Key::ALL`] from one list, so the list cannot go stale.
macro_rules! keys {
    ($($(#[$doc:meta])* $name:ident,)*) => {
        /// One interface string; its text lives in `en/` and `zh/`.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Key {
            $($(#[$doc])* $name,)*
        }

        impl Key {
            /// Every key once, in declaration order (`key as usize` is its index here).
            pub const ALL: &'static [Key] = &[$(Key::$name,)*];
        }
    };
}

keys! {
    // Share panel, exports and embeds (share_menu.rs, export.rs, embed.rs; the widget helper).
    /// The header's share button.
    ShareButton,
    /// The share button's tooltip.
    ShareButtonTitle,
    /// The share panel's heading.
    ShareTitle,
    /// The close button's accessible name.
    ShareCloseAria,
    /// The close button's tooltip.
    ShareClose,
    /// Label of the permalink field.
    ShareLinkLabel,
    /// Copies the permalink.
    ShareCopyLink,
    /// Label of the iframe snippet.
    ShareEmbedLabel,
    /// Copies the iframe snippet.
    ShareCopyEmbed,
    /// Heading of the export buttons.
    ShareDownload,
    /// What was copied: the link.
    ShareWhatLink,
    /// What was copied: the snippet.
    ShareWhatEmbed,
    /// Status: {what} copied.
    ShareCopied,
    /// Status: the clipboard refused; {what} is selected.
    ShareSelected,
    /// Status: {file} saved.
    ShareSaved,
    /// Status: {export} failed because {why}.
    ShareFailed,
    /// Export button: the trace as JSON.
    ExportJson,
    /// Export button: the graph as DOT.
    ExportDot,
    /// Export button: the step's table as LaTeX.
    ExportLatex,
    /// Export button: the picture as SVG.
    ExportSvg,
    /// Export button: the picture as PNG at 2×.
    ExportPng,
    /// Why framework code is off for a tensor program.
    ExportScalarOnly,
    /// In an embed: opens the full app.
    EmbedOpenFull,
    /// The iframe snippet's title attribute.
    EmbedIframeTitle,
    // The header and the page frame (app.rs).
    /// The product name.
    AppBrand,
    /// The tagline under the name.
    AppTagline,
    /// The theme button's tooltip.
    ThemeTitle,
    /// The theme button when dark (switches to light).
    ThemeLight,
    /// The theme button when light (switches to dark).
    ThemeDark,
    /// The presenter button's tooltip.
    PresenterTitle,
    /// The presenter button.
    PresenterLabel,
    /// Shown instead of the graph while the program does not compile.
    NoGraphYet,
    /// Heading of the method tabs.
    CompareWithAd,
    /// The numerical-method tab.
    MethodNumeric,
    /// Its tooltip.
    MethodNumericTip,
    /// The symbolic-method tab.
    MethodSymbolic,
    /// Its tooltip.
    MethodSymbolicTip,
    /// The legend's accessible name.
    LegendLabel,
    /// Legend: input nodes.
    LegendInput,
    /// Legend: forward ops.
    LegendForward,
    /// Legend: the seed node.
    LegendSeed,
    /// Legend: partial adjoints.
    LegendPartial,
    /// Legend: adjoint sums.
    LegendAdjoint,
    /// Legend: helper nodes.
    LegendAux,
    /// Legend: nodes the algorithm has not reached yet.
    LegendPending,
    /// Legend: the current step.
    LegendCurrent,
    /// Legend: the keyboard help.
    LegendKeys,
    /// The language switcher's label.
    LanguageLabel,
    /// The name of English, in English.
    LangEn,
    /// The name of Chinese, in Chinese.
    LangZh,

    // The crash banner (panic_report.rs).
    /// Its headline.
    PanicHeadline,
    /// Copy the report.
    PanicCopy,
    /// Reload the page.
    PanicReload,
    /// The report was copied.
    PanicCopied,
    /// The clipboard was refused.
    PanicClipboardRefused,
    /// What the crash means and what to do.
    PanicBody,

    // Step controls (controls.rs).
    /// The controls group's accessible name.
    ControlsGroup,
    /// Tooltip of First.
    FirstTitle,
    /// Accessible name of First.
    FirstAria,
    /// The First button.
    FirstLabel,
    /// Tooltip of Prev.
    PrevTitle,
    /// Accessible name of Prev.
    PrevAria,
    /// The Prev button.
    PrevLabel,
    /// Tooltip of Play.
    PlayTitle,
    /// Accessible name of Play.
    PlayAria,
    /// The Play button.
    PlayLabel,
    /// The Pause button.
    PauseLabel,
    /// Tooltip of Next.
    NextTitle,
    /// Accessible name of Next.
    NextAria,
    /// The Next button.
    NextLabel,
    /// Tooltip of Last.
    LastTitle,
    /// Accessible name of Last.
    LastAria,
    /// The Last button.
    LastLabel,
    /// The speed select's label.
    SpeedLabel,
    /// The speed select's tooltip.
    SpeedTitle,
    /// The scrubber's label.
    StepLabel,
    /// `Step {} / {}`.
    StepCounter,
    /// `Step {} of {}` for screen readers.
    StepCounterAria,

    // The program editor (editor.rs).
    /// The editor heading.
    EditorTitle,
    /// The program field's label.
    ProgramLabel,
    /// The values field's label.
    InputValuesLabel,
    /// The examples select's label.
    ExamplesLabel,
    /// The examples select's first option.
    LoadExample,
    /// Example: the lecture's function.
    ExampleLecture,
    /// Example: the extended-graph program.
    ExampleExtended,
    /// Example: the product of four inputs.
    ExampleProduct,
    /// Example: a neuron.
    ExampleNeuron,
    /// The hint under the editor.
    EditorHint,
    /// Before an error message.
    ErrorPrefix,
    /// Where an error is, in the values.
    ErrorPlaceValues,
    /// Where an error is, in the program.
    ErrorPlaceLine,
    /// Under an error.
    ShowingLastGood,
    /// While the tensor engine (a second wasm module) loads for the first tensor program.
    LabLoading,
    /// The tensor engine could not be loaded; {} is the browser's reason.
    LabFailed,
    /// While a method panel's module (the lazily loaded lab) loads.
    PanelLoading,
    /// A method panel's module could not be loaded; {} is the browser's reason.
    PanelFailed,

    // The graph (graph_view.rs).
    /// The zoom group's accessible name.
    ZoomGroup,
    /// Zoom in.
    ZoomIn,
    /// Zoom out.
    ZoomOut,
    /// The Fit button.
    FitLabel,
    /// Its tooltip.
    FitTitle,
    /// The Follow button.
    FollowLabel,
    /// Its tooltip.
    FollowTitle,
    /// Its accessible name.
    FollowAria,
    /// The graph's accessible summary.
    GraphSummary,
    /// The adjoint band's label.
    BandLabel,
    /// The layout failed (error).
    GraphLayoutFailed,

    // Mode tabs (mode_tabs.rs).
    /// The mode heading.
    ModeTitle,
    /// Forward mode.
    ModeForward,
    /// Reverse mode.
    ModeReverse,
    /// Extended graph.
    ModeExtended,
    /// Backprop.
    ModeBackprop,
    /// Forward mode's tooltip.
    ModeForwardTip,
    /// Reverse mode's tooltip.
    ModeReverseTip,
    /// Extended graph's tooltip.
    ModeExtendedTip,
    /// Backprop's tooltip.
    ModeBackpropTip,
    /// The variable select's label.
    WrtLabel,
    /// The side-by-side view's toggle (§2.5).
    ViewSide,
    /// Its tooltip.
    ViewSideTip,

    // Narration (narration.rs).
    /// Forward mode's introduction (variable, node count).
    IntroForward,
    /// Reverse mode's introduction (node count).
    IntroReverse,
    /// Extended graph's introduction (node count).
    IntroExtended,
    /// Backprop's introduction (node count).
    IntroBackprop,

    // The adjoint table (adjoint_table.rs).
    /// Title in forward mode.
    TableTangents,
    /// Subtitle in forward mode.
    TableTangentsSub,
    /// Title in reverse modes.
    TableAdjoints,
    /// Subtitle in reverse modes.
    TableAdjointsSub,
    /// Column: node.
    ColNode,
    /// Column: value.
    ColValue,
    /// Column: equation.
    ColEquation,
    /// Empty table, forward mode.
    NoTangentYet,
    /// Empty table, reverse modes.
    NoVisitYet,

    // node_to_grad (node_to_grad.rs) and the pseudocode.
    /// Title in backprop.
    NtgBackpropTitle,
    /// Title in reverse modes (a code name).
    NtgTitle,
    /// Tooltip of a summed list.
    NtgSumTitle,
    /// Empty node_to_grad.
    NtgEmpty,
    /// The pseudocode heading.
    PseudocodeTitle,

    // The numerical panel (numeric_panel.rs).
    /// Heading.
    NumericTitle,
    /// Lead, before the one-sided formula.
    NumericLeadA,
    /// Lead, between the formulas.
    NumericLeadB,
    /// Lead, after the central formula.
    NumericLeadC,
    /// Before an error.
    NumericCannot,
    /// The sweep heading.
    ErrorVsStep,
    /// The exact value line (variable, value).
    ExactByAd,
    /// Legend: one-sided.
    SeriesOneSided,
    /// Legend: central.
    SeriesCentral,
    /// Legend: reference slope.
    SeriesReference,
    /// Note on zero errors.
    ZeroNote,
    /// Rounding note heading.
    RoundingTitle,
    /// Rounding note body.
    RoundingBody,
    /// The plot's accessible name.
    SweepPlotAria,
    /// X axis.
    AxisStep,
    /// Y axis.
    AxisError,
    /// Slope-1 guide.
    SlopeOne,
    /// Slope-2 guide.
    SlopeTwo,
    /// Point tooltip (series, ε, error).
    PointTip,
    /// Point tooltip suffix for exact zeros.
    FloorNote,
    /// Gradient check heading.
    GradCheckTitle,
    /// Gradient check body.
    GradCheckBody,
    /// Seed field label.
    SeedLabel,
    /// New direction button.
    NewDirection,
    /// `ε = {}, tolerance {}`.
    EpsTolerance,
    /// Row: δ.
    DeltaUnit,
    /// Row: δᵀ∇f from AD.
    DeltaAd,
    /// Row: central difference along δ.
    DeltaCentral,
    /// Row: relative error.
    RelativeError,
    /// Verdict: pass (error, tolerance).
    CheckPass,
    /// Verdict: fail (error, tolerance).
    CheckFail,
    /// Cost heading (n).
    CostTitle,
    /// Column: method.
    ColMethod,
    /// Column: passes over f.
    ColPasses,
    /// Row: random-direction check.
    RandomDirectionRow,
    /// Cost row and series: one-sided differences.
    RowOneSided,
    /// Cost row and series: central differences.
    RowCentral,
    /// Cost row: reverse AD.
    RowReversePasses,
    /// Cost hint.
    CostHint,

    // The symbolic panel (symbolic_panel.rs).
    /// Heading.
    SymbolicTitle,
    /// Lead.
    SymbolicLead,
    /// Before an error.
    SymbolicCannot,
    /// Gradient heading.
    GradientDerived,
    /// Before a domain note.
    Careful,
    /// After a domain note.
    CarefulTail,
    /// A formula too large to print (nodes).
    TooLarge,
    /// Size heading.
    SizeTitle,
    /// Column: how.
    ColHow,
    /// Column: nodes.
    ColNodes,
    /// Column: multiplications.
    ColMults,
    /// Row: naive trees.
    RowNaiveTrees,
    /// Row: shared DAG.
    RowSharedDag,
    /// Row: reverse AD.
    RowReverseAd,
    /// Product heading.
    ProductTitle,
    /// Product body.
    ProductBody,
    /// The product chart's accessible name.
    ProductChartAria,
    /// X axis.
    AxisFactors,
    /// Y axis.
    AxisMults,
    /// Series: naive.
    SeriesNaive,
    /// Series: shared.
    SeriesShared,
    /// Series: reverse AD.
    SeriesReverseAd,
    /// Column: n.
    ColN,
    /// Column: naive.
    ColNaive,
    /// Column: shared.
    ColShared,
    /// Column: reverse AD.
    ColReverseAd,
    /// Column: ratio.
    ColRatio,
    /// Point tooltip (series, n, count).
    ProductPoint,
    /// A partial's tree size (nodes, multiplications).
    TreeSize,
    /// The product table is being measured (n).
    MeasuringN,
    /// How long the product table took (ms).
    CountedIn,

    // Lessons (lessons/, components/lesson_panel.rs).
    /// The lessons panel heading.
    LessonsTitle,
    /// The table of contents' accessible name.
    TocLabel,
    /// `Lesson {} of {}`.
    LessonOf,
    /// Previous lesson.
    PrevLesson,
    /// Next lesson.
    NextLesson,
    /// Load the lesson's scene.
    ShowMe,
    /// Load the lesson's second scene.
    ShowOther,
    /// A lesson marked done.
    LessonDone,
    /// Mark the lesson done.
    MarkDone,
    /// Progress summary (done, total).
    ProgressLine,
    /// A lesson whose scene needs the tensor engine.
    TensorSceneNote,

    // Predict, then reveal (components/predict.rs).
    /// Heading.
    PredictTitle,
    /// The question (quantity).
    PredictAsk,
    /// The input's placeholder.
    PredictPlaceholder,
    /// The input's accessible name.
    PredictInputAria,
    /// The Check button.
    PredictCheck,
    /// The Reveal button.
    PredictReveal,
    /// Right (quantity, value).
    PredictRight,
    /// Wrong (quantity, value).
    PredictWrong,
    /// Wrong and not a known slip.
    PredictUnknown,
    /// Not a number.
    PredictBadInput,
    /// Nothing to predict at this step.
    PredictNothing,
    /// The toggle asking before each step.
    PredictToggle,
    /// Next is held until the question is answered.
    AskHold,
    /// Mistake: one path only.
    MistakeOnePath,
    /// Mistake: no chain-rule factor.
    MistakeForgotChain,
    /// Mistake: the seed.
    MistakeSeedIsOne,
    /// Slip: sin and cos.
    SlipSinCos,
    /// Slip: a dropped minus.
    SlipDroppedMinus,
    /// Slip: the other factor.
    SlipOtherFactor,
    /// Slip: the reciprocal.
    SlipReciprocal,
    /// Slip: exp.
    SlipExpIsItself,
    /// Slip: the power rule.
    SlipPowerRule,

    // Bug hunt (components/bug_hunt.rs).
    /// Heading.
    BugTitle,
    /// Introduction.
    BugIntro,
    /// Switch: overwrite.
    BugOverwrite,
    /// Its explanation.
    BugOverwriteHint,
    /// Switch: wrong order.
    BugOrder,
    /// Its explanation.
    BugOrderHint,
    /// Switch: no reuse.
    BugReuse,
    /// Its explanation.
    BugReuseHint,
    /// No switch on.
    BugPickOne,
    /// No divergence on this program.
    BugNoDivergence,
    /// Value divergence (visit number, node, buggy, right).
    BugDivergesValue,
    /// Node-count divergence (visit number, node, rebuilt nodes).
    BugDivergesNodes,
    /// Gradient row (variable, buggy, right, difference).
    BugGradientRow,
    /// The gradient is unharmed.
    BugGradientOk,
    /// Node counts (buggy, right).
    BugNodeCounts,
    /// Column: visit order.
    BugColVisit,
    /// Column: right adjoint.
    BugColRight,
    /// Column: buggy adjoint.
    BugColBuggy,
    /// Column: new nodes right / buggy.
    BugColCreated,
    /// The bug hunt cannot run (error).
    BugCannot,
    /// Legend: the node where a value diverges (node, buggy, right).
    LegendDiverges,
    /// Legend: the node where the graph diverges (node, rebuilt nodes).
    LegendDivergesNodes,

    // Differentiate again (components/order_meter.rs).
    /// Heading.
    OrderTitle,
    /// Introduction.
    OrderIntro,
    /// The meter's accessible name.
    OrderAria,
    /// Row label of order 0.
    OrderForward,
    /// Row label of order k (k).
    OrderN,
    /// Bar text (nodes, added).
    OrderNodes,
    /// The derivative's value (value).
    OrderValue,
    /// Backprop's row.
    OrderBackprop,
    /// The variable (name).
    OrderWrt,
    /// Cannot differentiate again (error).
    OrderCannot,
    /// Side by side: backprop heading.
    SideBackprop,
    /// Side by side: reverse AD heading.
    SideReverseAd,

    // Step narration in languages other than English (i18n/narrate.rs); English keeps
    // the engine's own sentence.
    /// Forward: the input differentiated by (node, variable).
    NarrInputWrt,
    /// Forward: another input (node, variable).
    NarrInputOther,
    /// Forward: a tangent (node, equation).
    NarrTangent,
    /// Forward: the result (variable, value).
    NarrForwardDone,
    /// Reverse: the seed (equation).
    NarrSeed,
    /// Extended: the seed node (adjoint, node).
    NarrSeedExtended,
    /// Reverse: the output's visit (equation).
    NarrVisitOutput,
    /// Reverse: a visit with one partial (node, equation).
    NarrVisitOne,
    /// Reverse: a visit summing partials (node, count, equation).
    NarrVisitSum,
    /// Backprop: a visit (node, node, value).
    NarrVisitBackprop,
    /// Extended: a visit creating a sum node (node, equation).
    NarrVisitNewSum,
    /// Extended: a visit without a new node (node, equation).
    NarrVisitNoNode,
    /// Reverse: a partial adjoint sent (node, input, equation).
    NarrPartial,
    /// Backprop: a share added (node, input, equation).
    NarrPartialBackprop,
    /// Extended: a partial adjoint node created (equation, input).
    NarrPartialNew,
    /// Extended: a partial adjoint that is an existing node (equation, input).
    NarrPartialReuse,
    /// Extended: nothing flows (node, input).
    NarrPartialNone,
    /// The gradient read off (list).
    NarrDone,

    // Tensor programs (issue #7: inspector, mode tabs, editor).
    /// A value with no shape.
    InspScalar,
    /// The close button's accessible name.
    InspCloseAria,
    /// The close button's title.
    InspClose,
    /// The node is not on screen yet at this step.
    InspNotCreated,
    /// Heading of the value part.
    InspValue,
    /// Heading of the adjoint part.
    InspAdjoint,
    /// The adjoint has not been computed yet.
    InspPending,
    /// A heatmap's accessible name (shape).
    InspMatrixAria,
    /// A cut heatmap's caption (rows, cols shown; rows, cols in all).
    InspShowing,
    /// Why the other mode tabs are disabled for a tensor program.
    TensorExtendedOnly,
    /// The values field's label for a tensor program.
    TensorValuesLabel,
    /// The picker's group of tensor presets.
    TensorPresetsGroup,
    /// Preset: the lecture's Z = XW.
    PresetMatmul,
    /// Preset: the dict example.
    PresetDict,
    /// Preset: the MLP.
    PresetMlp,
}

#[cfg(test)]
impl Key {
    /// Keys whose text is a name, a code word or symbols in every language (the
    /// product name, `node_to_grad`, `English` in the switcher…): exempt from the test
    /// that Chinese strings contain Chinese.
    pub fn is_symbolic(self) -> bool {
        matches!(
            self,
            Key::AppBrand | Key::LangEn | Key::LangZh | Key::NtgTitle | Key::ColN
        )
    }
}
