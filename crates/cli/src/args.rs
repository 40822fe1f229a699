//! Command-line arguments, parsed by hand (the grammar is small): a command, one
//! positional argument, and `--flag value` / `--flag=value` options.

use std::collections::BTreeMap;

use crate::error::CliError;

/// Parsed arguments.
#[derive(Debug, PartialEq)]
pub struct Args {
    /// `grad`, `hessian`, `trace`, `layout`, `help`.
    pub command: String,
    /// The program text (or DOT file path for `layout`).
    pub positional: Option<String>,
    /// Options by name; boolean flags map to an empty string.
    pub options: BTreeMap<String, String>,
}

const BOOLEAN: &[&str] = &["json", "help"];

/// Parses `argv` without the program name.
pub fn parse_args(argv: &[String]) -> Result<Args, CliError> {
    let mut it = argv.iter();
    let command = it.next().cloned().unwrap_or_else(|| "help".to_string());
    let mut positional = None;
    let mut options = BTreeMap::new();
    while let Some(a) = it.next() {
        if let Some(flag) = a.strip_prefix("--") {
            let (name, value) = match flag.split_once('=') {
                Some((n, v)) => (n.to_string(), v.to_string()),
                None if BOOLEAN.contains(&flag) => (flag.to_string(), String::new()),
                None => {
                    let v = it
                        .next()
                        .ok_or_else(|| CliError::Usage(format!("--{flag} needs a value")))?;
                    (flag.to_string(), v.clone())
                }
            };
            options.insert(name, value);
        } else if positional.is_none() {
            positional = Some(a.clone());
        } else {
            return Err(CliError::Usage(format!(
                "unexpected argument `{a}` (quote the program)"
            )));
        }
    }
    Ok(Args {
        command,
        positional,
        options,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_and_values() {
        let argv: Vec<String> = ["grad", "x*y", "--at", "x=1,y=2", "--json", "--mode=reverse"]
            .map(String::from)
            .to_vec();
        let a = parse_args(&argv).expect("parses");
        assert_eq!(a.command, "grad");
        assert_eq!(a.positional.as_deref(), Some("x*y"));
        assert_eq!(a.options.get("at").map(String::as_str), Some("x=1,y=2"));
        assert_eq!(a.options.get("json").map(String::as_str), Some(""));
        assert_eq!(a.options.get("mode").map(String::as_str), Some("reverse"));
        assert!(parse_args(&["grad".to_string(), "--at".to_string()]).is_err());
    }
}
