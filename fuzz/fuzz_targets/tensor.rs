//! libFuzzer target: see adjoint_fuzz::tensor_bytes.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| adjoint_fuzz::tensor_bytes(data));
