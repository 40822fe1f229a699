//! The differentiation rules, applied once per node in id order (children first), so no
//! recursion. A derivative that is exactly zero is `None` and prunes its term — the
//! only simplification; multiplications by 1 stay, as a naive hand derivation writes
//! them (that is what makes ∏θ_i cost n(n−1) multiplications).

use super::expr::{SExpr, SymGraph, SymId};

/// `∂root/∂x_var` as a new expression (`None`: identically zero).
pub fn derivative(s: &mut SymGraph, root: SymId, var: u32) -> Option<SymId> {
    let mut d: Vec<Option<SymId>> = vec![None; root as usize + 1];
    for i in 0..=root {
        d[i as usize] = rule(s, i, var, &d);
    }
    d[root as usize]
}

fn rule(s: &mut SymGraph, i: SymId, var: u32, d: &[Option<SymId>]) -> Option<SymId> {
    use SExpr::*;
    let dd = |j: SymId| d[j as usize];
    match s.get(i) {
        Num(_) => None,
        Var(k) if k == var => Some(s.intern(Num(1.0))),
        Var(_) => None,
        // (−a)' = −a'
        Neg(a) => dd(a).map(|da| s.intern(Neg(da))),
        // (a + b)' = a' + b'
        Add(a, b) => plus(s, dd(a), dd(b)),
        // (a − b)' = a' − b'
        Sub(a, b) => match (dd(a), dd(b)) {
            (da, None) => da,
            (None, Some(db)) => Some(s.intern(Neg(db))),
            (Some(da), Some(db)) => Some(s.intern(Sub(da, db))),
        },
        // (ab)' = a'b + ab'
        Mul(a, b) => {
            let left = dd(a).map(|da| s.intern(Mul(da, b)));
            let right = dd(b).map(|db| s.intern(Mul(a, db)));
            plus(s, left, right)
        }
        // (a/b)' = (a'b − ab')/b²  (just a'/b when b is constant)
        Div(a, b) => match (dd(a), dd(b)) {
            (None, None) => None,
            (Some(da), None) => Some(s.intern(Div(da, b))),
            (da, Some(db)) => {
                let two = s.intern(Num(2.0));
                let b2 = s.intern(Pow(b, two));
                let adb = s.intern(Mul(a, db));
                let top = match da {
                    Some(da) => {
                        let dab = s.intern(Mul(da, b));
                        s.intern(Sub(dab, adb))
                    }
                    None => s.intern(Neg(adb)),
                };
                Some(s.intern(Div(top, b2)))
            }
        },
        // (a^c)' = c·a^(c−1)·a'; (a^b)' = a^b·(b'·ln a + b·a'/a)
        Pow(a, b) => match (s.get(b), dd(a), dd(b)) {
            (_, None, None) => None,
            (Num(c), Some(da), None) => {
                let cm1 = s.intern(Num(c - 1.0));
                let p = s.intern(Pow(a, cm1));
                let cc = s.intern(Num(c));
                let cp = s.intern(Mul(cc, p));
                Some(s.intern(Mul(cp, da)))
            }
            (_, da, db) => {
                let lna = s.intern(Call("ln", a));
                let t1 = db.map(|db| s.intern(Mul(db, lna)));
                let t2 = da.map(|da| {
                    let q = s.intern(Div(da, a));
                    s.intern(Mul(b, q))
                });
                let inner = plus(s, t1, t2)?;
                Some(s.intern(Mul(i, inner)))
            }
        },
        // f(a)' = f'(a)·a'
        Call(f, a) => {
            let da = dd(a)?;
            Some(chain(s, f, a, i, da))
        }
    }
}

fn plus(s: &mut SymGraph, a: Option<SymId>, b: Option<SymId>) -> Option<SymId> {
    match (a, b) {
        (None, x) | (x, None) => x,
        (Some(a), Some(b)) => Some(s.intern(SExpr::Add(a, b))),
    }
}

/// f'(a)·a' for the named functions; `fa` is the node f(a) itself.
fn chain(s: &mut SymGraph, f: &'static str, a: SymId, fa: SymId, da: SymId) -> SymId {
    use SExpr::*;
    let one = s.intern(Num(1.0));
    let two = s.intern(Num(2.0));
    let outer = match f {
        // ln' a = 1/a → a'/a
        "ln" => return s.intern(Div(da, a)),
        // exp' a = exp a
        "exp" => fa,
        // sin' = cos
        "sin" => s.intern(Call("cos", a)),
        // cos' = −sin
        "cos" => {
            let sn = s.intern(Call("sin", a));
            s.intern(Neg(sn))
        }
        // tan' = 1 + tan²
        "tan" => {
            let sq = s.intern(Pow(fa, two));
            s.intern(Add(one, sq))
        }
        // tanh' = 1 − tanh²
        "tanh" => {
            let sq = s.intern(Pow(fa, two));
            s.intern(Sub(one, sq))
        }
        // sqrt' a = 1/(2 sqrt a) → a'/(2 sqrt a)
        "sqrt" => {
            let den = s.intern(Mul(two, fa));
            return s.intern(Div(da, den));
        }
        // σ' = σ(1 − σ)
        "sigmoid" => {
            let m = s.intern(Sub(one, fa));
            s.intern(Mul(fa, m))
        }
        // relu' = step; step' = 0 (but step only appears inside derivatives)
        "relu" => s.intern(Call("step", a)),
        _ => s.intern(Num(0.0)),
    };
    s.intern(Mul(outer, da))
}
