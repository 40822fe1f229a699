//! A grammar of programs driven by fuzzer bytes: every byte picks the next production, so
//! libFuzzer's mutations move through the space of programs instead of the space of
//! strings. Most outputs parse; a few are bent on purpose (a dropped value, a stray
//! character) so the error paths are fuzzed too. Sizes are bounded so one input stays fast.

/// Reads choices from the fuzzer's bytes; past the end every choice is 0 (the shortest).
pub struct Bytes<'a> {
    data: &'a [u8],
    pos: usize,
}

impl<'a> Bytes<'a> {
    /// Choices from `data`.
    pub fn new(data: &'a [u8]) -> Self {
        Self { data, pos: 0 }
    }

    /// The next byte (0 when exhausted).
    pub fn byte(&mut self) -> u8 {
        let b = self.data.get(self.pos).copied().unwrap_or(0);
        self.pos += 1;
        b
    }

    /// A choice in `0..n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        usize::from(self.byte()) % n.max(1)
    }

    /// Picks one of `items`.
    pub fn pick<'s>(&mut self, items: &[&'s str]) -> &'s str {
        items[self.below(items.len())]
    }

    /// True when the bytes are used up.
    pub fn done(&self) -> bool {
        self.pos >= self.data.len()
    }
}

/// Variable names: ASCII, primes, digits, non-ASCII letters.
const VARS: &[&str] = &["x", "y", "z", "x1", "x2", "t'", "θ", "_w0"];
/// Number literals, including the edges of f64 (overflow to ∞, subnormals, zero).
const NUMBERS: &[&str] = &[
    "0",
    "1",
    "2",
    "0.5",
    ".5",
    "3.",
    "10",
    "1e3",
    "1e-3",
    "1e308",
    "1e309",
    "5e-324",
    "1e-400",
    "0.0",
    "2.718281828459045",
    "100000000000000000000",
];
/// Functions the language knows, and one it does not.
const FUNCS: &[&str] = &[
    "ln", "log", "exp", "sin", "cos", "tan", "tanh", "sqrt", "sigmoid", "relu", "foo",
];
/// Binary operators in their ASCII and Unicode spellings.
const BINOPS: &[&str] = &["+", "-", "*", "/", "^", "×", "÷", "−", "·"];
/// Input values: ordinary, on domain edges, huge, tiny, and not numbers at all.
const VALUES: &[&str] = &[
    "2", "5", "-1", "0", "-0", "1", "0.5", "-2.5", "1e308", "-1e308", "5e-324", "3.14159", "inf",
    "NaN", "1e400", "−3",
];

/// Writes an expression of at most `depth` more levels.
fn expr(b: &mut Bytes<'_>, depth: usize, names: &[String], out: &mut String) {
    let choice = if depth == 0 || b.done() {
        b.below(3)
    } else {
        b.below(9)
    };
    match choice {
        0 | 1 => {
            if names.is_empty() || b.below(4) != 0 {
                out.push_str(b.pick(VARS));
            } else {
                out.push_str(&names[b.below(names.len())]);
            }
        }
        2 => out.push_str(b.pick(NUMBERS)),
        3 => {
            out.push('-');
            expr(b, depth - 1, names, out);
        }
        4 | 5 => {
            out.push_str(b.pick(FUNCS));
            out.push('(');
            expr(b, depth - 1, names, out);
            out.push(')');
        }
        6 => {
            out.push('(');
            expr(b, depth - 1, names, out);
            out.push(')');
        }
        _ => {
            expr(b, depth - 1, names, out);
            out.push(' ');
            out.push_str(b.pick(BINOPS));
            out.push(' ');
            expr(b, depth - 1, names, out);
        }
    }
}

/// A program (statements `name = expr`, then a last expression) and its values text.
pub fn program(data: &[u8]) -> (String, String) {
    let mut b = Bytes::new(data);
    let mut src = String::new();
    let mut names: Vec<String> = Vec::new();
    let statements = b.below(4);
    let depth = 1 + b.below(5);
    for i in 0..statements {
        let name = if b.below(3) == 0 {
            b.pick(VARS).to_string()
        } else {
            format!("a{i}")
        };
        src.push_str(&name);
        src.push_str(" = ");
        expr(&mut b, depth, &names, &mut src);
        src.push_str(b.pick(&["\n", "; ", "  # note\n"]));
        names.push(name);
    }
    expr(&mut b, depth, &names, &mut src);
    // Now and then bend the text: a stray character somewhere in it.
    if b.below(16) == 15 {
        let stray = b.pick(&["(", ")", "=", "@", "é", ";", "\n", "^", "1e", "."]);
        let mut at = b.below(src.len() + 1);
        while !src.is_char_boundary(at) {
            at -= 1;
        }
        src.insert_str(at, stray);
    }
    let mut values = String::new();
    for v in VARS {
        // Usually give every variable a value; sometimes leave one out or misspell it.
        match b.below(12) {
            11 => continue,
            10 => values.push_str(&format!("{v}=, ")),
            _ => values.push_str(&format!("{v}={}, ", b.pick(VALUES))),
        }
    }
    (src, values)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_bytes_give_a_one_token_program() {
        let (src, values) = program(&[]);
        assert_eq!(src, "x");
        assert!(values.starts_with("x=2, "));
    }

    #[test]
    fn bytes_steer_the_grammar() {
        let (a, _) = program(&[3, 4, 8, 8, 0, 0, 1, 2]);
        let (b, _) = program(&[0, 4, 5, 0, 3]);
        assert_ne!(a, b);
        assert!(a.contains('='), "three statements were asked for: {a}");
    }
}
