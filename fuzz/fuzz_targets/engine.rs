//! libFuzzer target: grammar-generated programs through every mode (see
//! adjoint_fuzz::engine_bytes).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| adjoint_fuzz::engine_bytes(data));
