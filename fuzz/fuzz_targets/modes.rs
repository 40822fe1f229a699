//! libFuzzer target: see adjoint_fuzz::modes_bytes.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| adjoint_fuzz::modes_bytes(data));
