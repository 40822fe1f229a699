//! libFuzzer target: random bytes as program text and values (see adjoint_fuzz::parse_bytes).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| adjoint_fuzz::parse_bytes(data));
