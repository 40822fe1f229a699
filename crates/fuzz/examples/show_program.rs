//! Prints the program and values a fuzz input file generates (to reproduce a crash):
//! `cargo run -p adjoint-fuzz --example show_program -- FILE`.

fn main() {
    for path in std::env::args().skip(1) {
        match std::fs::read(&path) {
            Ok(data) => {
                let (src, values) = adjoint_fuzz::gen::program(&data);
                println!("{path}:\n--- program\n{src}\n--- values\n{values}");
            }
            Err(e) => eprintln!("{path}: {e}"),
        }
    }
}
