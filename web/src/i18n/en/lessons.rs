//! The twelve lessons in English, in our own words (numbers and formulas follow the
//! lecture). Markup: `*emphasis*` and `` `code` ``; see `lessons::markup`.

use crate::lessons::{LessonId, LessonText};

/// The English text of lesson `id`.
pub fn lesson(id: LessonId) -> LessonText {
    match id {
        LessonId::WhyGradients => LessonText {
            title: "Why we need gradients",
            paragraphs: &[
                "Almost every learning method has three parts: a family of models with adjustable *parameters*, a *loss* that says how wrong a model is on the data, and an *optimizer* that changes the parameters to make the loss smaller.",
                "Gradient descent and its relatives all need one thing from the model: the gradient of the loss with respect to every parameter, ∂loss/∂θ. Modern networks have millions of parameters and a single scalar loss.",
                "The scene on the right is one neuron, `sigmoid(w*x + b)`. Press *Show me* and step to the end: the last line lists ∂y/∂w, ∂y/∂x and ∂y/∂b, all from one backward pass.",
                "The lessons that follow compare three ways to get such derivatives — numbers, formulas and automatic differentiation — and then take reverse-mode AD apart step by step.",
            ],
        },
        LessonId::Numerical => LessonText {
            title: "Numerical differentiation",
            paragraphs: &[
                "The simplest idea: nudge one input and watch the output. The one-sided difference (f(θ + εeᵢ) − f(θ))/ε has an error that shrinks like ε; the central difference (f(θ + εeᵢ) − f(θ − εeᵢ))/2ε does better, like ε².",
                "Two problems. Floating-point numbers keep about 16 digits, so for a very small ε the difference of two nearly equal values is mostly rounding noise: the error plot falls, then climbs again. And each input needs its own pair of evaluations, so n inputs cost about 2n passes.",
                "Open the numerical panel and watch the error against ε on log–log axes: slope 1 for one-sided, slope 2 for central, then the rounding wall on the left.",
                "Where differences really shine is *testing* an AD implementation: pick a random unit direction δ and compare δᵀ∇f with (f(θ + εδ) − f(θ − εδ))/2ε. Two evaluations check the whole gradient at once.",
            ],
        },
        LessonId::Symbolic => LessonText {
            title: "Symbolic differentiation and its swell",
            paragraphs: &[
                "Symbolic differentiation applies the sum, product and chain rules to the formula itself, exactly as we would on paper, and returns a formula for each derivative.",
                "The answers are exact, but the bookkeeping explodes. Take f(θ) = θ₁·θ₂·…·θₙ: each ∂f/∂θₖ is the product of the other n − 1 factors. Written out one partial at a time, that is n(n − 1) multiplications.",
                "The pieces repeat: θ₁θ₂ appears in almost every partial. Sharing common subexpressions helps only a little, because every partial is still its own formula. Reusing partial products along the way brings the cost down to O(n) — which is exactly what reverse AD does.",
                "The symbolic panel shows the derived gradient of the scene's program and a chart of the cost for growing n: naive formulas, shared formulas and reverse AD.",
            ],
        },
        LessonId::Graph => LessonText {
            title: "The computational graph",
            paragraphs: &[
                "A program becomes a *computational graph*: a directed acyclic graph whose nodes are intermediate values and whose edges say which values feed which. Numbering the nodes v1, v2, … in creation order gives a topological order: every node comes after its inputs.",
                "The running example is y = ln(x1) + x1·x2 − sin(x2) at x1 = 2, x2 = 5. Its seven nodes are v1 = x1 = 2, v2 = x2 = 5, v3 = ln v1 = 0.693, v4 = v1 × v2 = 10, v5 = sin v2 = −0.959, v6 = v3 + v4 = 10.693 and v7 = v6 − v5 = 11.652.",
                "The same function can be drawn as different graphs. a·b·c may be computed as (a·b)·c or as a·(b·c): the values agree, but the nodes, and the order of evaluation, do not. A graph is a *recipe*, not just a function.",
                "Press *Show me* for (a·b)·c, then *Show the other graph* for a·(b·c): the same value, 24, from different nodes. The lessons that follow all use the lecture's graph.",
            ],
        },
        LessonId::ForwardMode => LessonText {
            title: "Forward-mode AD",
            paragraphs: &[
                "Forward mode carries a second number with every value: its *tangent* v̇ᵢ = ∂vᵢ/∂x1, the rate at which the node changes when x1 changes. Both are computed together, in topological order.",
                "Start with v̇1 = 1 (x1 moves with itself) and v̇2 = 0. Then each node applies its local rule: v̇3 = v̇1/v1 = 0.5, v̇4 = v̇1·v2 + v̇2·v1 = 5, v̇5 = v̇2·cos v2 = 0, v̇6 = v̇3 + v̇4 = 5.5 and v̇7 = v̇6 − v̇5 = 5.5. So ∂y/∂x1 = 5.5.",
                "One pass gives the derivative with respect to *one* input. For f: Rⁿ → Rᵏ that means n passes for the full Jacobian — cheap when n is small, hopeless when n is a million parameters and k = 1, the usual case in deep learning.",
                "Step through the scene and watch the tangent column fill in from the inputs to the output; switch the variable to x2 to get ∂y/∂x2 with another full pass.",
            ],
        },
        LessonId::ReverseMode => LessonText {
            title: "Reverse-mode AD",
            paragraphs: &[
                "Reverse mode asks the opposite question: for each node, how much does the *output* change when this node changes? That number is the *adjoint* v̄ᵢ = ∂y/∂vᵢ, and adjoints are computed from the output back to the inputs, in reverse topological order.",
                "The output's adjoint is v̄7 = 1. Then v̄6 = v̄7·1 = 1, v̄5 = v̄7·(−1) = −1, v̄4 = v̄6·1 = 1 and v̄3 = v̄6·1 = 1. Each node multiplies its own adjoint by the local derivative of the node it feeds.",
                "The inputs collect everything: v̄2 = v̄5·cos v2 + v̄4·v1 = −0.284 + 2 = 1.716, and v̄1 = v̄4·v2 + v̄3·(1/v1) = 5 + 0.5 = 5.5.",
                "One backward pass gives the derivative with respect to *every* input. Turn on *Predict, then reveal* and try to state each adjoint before the step shows it.",
            ],
        },
        LessonId::MultiplePaths => LessonText {
            title: "Multiple paths",
            paragraphs: &[
                "When a value feeds several nodes, a change in it reaches the output along several paths, and the effects add up. In the example, x2 influences y through v4 = v1 × v2 and through v5 = sin v2.",
                "Each path contributes a *partial adjoint*: v̄ᵢ→ⱼ = v̄ⱼ·∂vⱼ/∂vᵢ, the share of node i's adjoint that comes through node j. The adjoint is their sum, v̄ᵢ = Σⱼ v̄ᵢ→ⱼ over every j that uses i.",
                "For v2: v̄2→5 = v̄5·cos v2 = −0.284 and v̄2→4 = v̄4·v1 = 2, so v̄2 = 1.716. Taking only one of the two is the most common mistake — the predictor will tell you if you make it.",
                "The scene stops just before v2 is visited. Predict v̄2, then press Next to check.",
            ],
        },
        LessonId::Algorithm => LessonText {
            title: "The reverse AD algorithm",
            paragraphs: &[
                "Put together, reverse AD is a short loop. Keep a dictionary `node_to_grad` from each node to the list of partial adjoints it has received, starting with `{out: [1]}`.",
                "Visit the nodes in reverse topological order. At node i, sum its list to get v̄ᵢ; then, for each input k, compute v̄ₖ→ᵢ = v̄ᵢ·∂vᵢ/∂vₖ and append it to `node_to_grad[k]`. At the end, read off the adjoints of the inputs.",
                "Why the order matters: when node i is visited, every node that uses it has already been visited, so all its partial adjoints are waiting in the list. Visit too early and some are still missing.",
                "The bug hunt plants three classic mistakes: overwriting the list instead of appending, visiting in the wrong order, and rebuilding forward values instead of reusing them. Turn each on and see where the run first parts from the right one, and what happens to ∂y/∂x1 = 5.5 and ∂y/∂x2 = 1.716.",
            ],
        },
        LessonId::ExtendedGraph => LessonText {
            title: "Reverse AD by extending the graph",
            paragraphs: &[
                "Instead of computing adjoints as numbers, we can build them as *new nodes* of the graph, made of the same ops as the forward pass. The example: v1 = x1, v2 = exp(v1), v3 = v2 + 1, v4 = v2 × v3.",
                "First v̄4 = id(1). Visiting v4 creates v̄2→4 = v̄4 × v3 and v̄3→4 = v̄4 × v2; v3 has no other user, so v̄3 is simply v̄3→4. Visiting v3 gives v̄2→3 = v̄3, since the derivative of +1 is 1.",
                "v2 had two users, so it gets a new sum node: v̄2 = v̄2→3 + v̄2→4. Finally, because the derivative of exp is exp itself, v̄1 = v̄2 × v2 points at the *existing* node v2 — no new exp node.",
                "The result is one graph holding both the forward values and the gradient computation. It can be evaluated at new inputs without re-running AD, optimized like any graph, and — next lesson — differentiated again.",
            ],
        },
        LessonId::BackpropVsReverse => LessonText {
            title: "Backprop vs reverse AD",
            paragraphs: &[
                "First-generation frameworks (caffe, cuda-convnet) did *backpropagation*: they ran the backward pass on the forward graph itself, writing a gradient number next to each node and adding no nodes.",
                "Modern frameworks (TensorFlow, PyTorch, Needle) do *reverse AD*: the backward pass builds a separate gradient graph. The numbers are the same — compare the two scenes side by side.",
                "The gain is that a gradient graph is an ordinary graph. Run reverse AD on it again and you get second derivatives; again, third derivatives. The meter counts the nodes each order adds. Backprop has no graph to differentiate, so it stops at order one.",
                "A gradient graph can also be simplified before it is run: an id node can be removed, a multiplication by 1 dropped, repeated subexpressions merged.",
            ],
        },
        LessonId::Tensors => LessonText {
            title: "Reverse mode on tensors",
            paragraphs: &[
                "Nothing in the algorithm requires scalars. When values are tensors, each adjoint is a tensor of the *same shape* as its value: Z̄ᵢⱼ = ∂y/∂Zᵢⱼ.",
                "Take Z = X W followed by a scalar function y = f(Z). Since Zᵢⱼ = Σₖ XᵢₖWₖⱼ, the chain rule gives X̄ᵢₖ = Σⱼ Z̄ᵢⱼWₖⱼ, which in matrix form is X̄ = Z̄ Wᵀ; in the same way W̄ = Xᵀ Z̄.",
                "So the partial adjoint of a matrix product is again a matrix product, and the graph can be extended exactly as before, with tensor ops in place of scalar ones.",
                "The scene multiplies a 2×3 matrix X by a 3×2 matrix W, applies tanh and sums the entries; step through it and check the shapes of X̄ and W̄ against X and W.",
            ],
        },
        LessonId::DataStructures => LessonText {
            title: "Reverse AD on data structures",
            paragraphs: &[
                "Programs also build tuples and dictionaries. Take d = {\"cat\": a0, \"dog\": a1} and then b = d[\"cat\"]. Which adjoint does d get?",
                "The rule of thumb: an adjoint has the same data structure as its forward value. So d̄ is a dictionary too, {\"cat\": b̄, \"dog\": 0}: the entry that was read gets the adjoint of the reader, the entry nobody used gets zero.",
                "Looking an entry up sends a partial adjoint into one slot of the structure; building the structure hands each slot's adjoint back to the value that filled it. Nothing else changes in the algorithm.",
                "Step through the scene and watch the zero for \"dog\": a1 never reaches the output, so ∂y/∂a1 = 0.",
            ],
        },
    }
}
