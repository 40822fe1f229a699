//! Short permalinks: a long program is packed as raw DEFLATE written in URL-safe base64
//! (`z=`), so a link to a 40-line program still fits in a chat message. Links carry a
//! format version (`v=`); a reader accepts every version it has ever written.
//!
//! Unpacking is bounded: a hostile `z=` can neither allocate more than
//! [`MAX_UNPACKED`] bytes nor make the app panic.
//!
//! Packing is asynchronous: in the browser the DEFLATE is the browser's own
//! (`CompressionStream("deflate-raw")`, through `web/lab-bridge.js`), so the app's wasm
//! carries only the inflater that reads links, not a compressor (−6.0 KB gzipped); a browser
//! without it leaves links readable. Natively (tests) miniz_oxide packs, at level 9.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;

/// The permalink format this build writes. Version 1 had no `v=` at all (plain `p=`/`at=`).
pub const VERSION: u32 = 2;

/// The largest text a packed value may expand to (the engine's program limit).
pub const MAX_UNPACKED: usize = 4 << 20;

/// Programs whose percent-encoded form is shorter than this are left readable (`p=`).
pub const PACK_FROM: usize = 160;

/// Why a packed value could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PermalinkError {
    /// Not URL-safe base64.
    NotBase64,
    /// Not a DEFLATE stream, or it expands past [`MAX_UNPACKED`].
    NotDeflate,
    /// The text inside is not UTF-8.
    NotText,
}

impl std::fmt::Display for PermalinkError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            PermalinkError::NotBase64 => "the link's packed program is not valid base64",
            PermalinkError::NotDeflate => {
                "the link's packed program is damaged or too large to unpack"
            }
            PermalinkError::NotText => "the link's packed program is not text",
        })
    }
}

/// Packs `text` as base64url(DEFLATE(text)); `None` if this browser cannot compress.
pub async fn pack(text: &str) -> Option<String> {
    deflate(text.as_bytes())
        .await
        .map(|deflated| URL_SAFE_NO_PAD.encode(deflated))
}

/// Raw DEFLATE by the browser (`CompressionStream`); `None` if it has none or it failed.
#[cfg(target_arch = "wasm32")]
async fn deflate(bytes: &[u8]) -> Option<Vec<u8>> {
    #[wasm_bindgen::prelude::wasm_bindgen(module = "/lab-bridge.js")]
    extern "C" {
        #[wasm_bindgen(js_name = deflateRaw)]
        fn deflate_raw(bytes: &[u8]) -> js_sys::Promise;
    }
    let out = wasm_bindgen_futures::JsFuture::from(deflate_raw(bytes))
        .await
        .ok()?;
    Some(js_sys::Uint8Array::new(&out).to_vec())
}

/// Raw DEFLATE at level 9 (natively: the component and unit tests).
#[cfg(not(target_arch = "wasm32"))]
async fn deflate(bytes: &[u8]) -> Option<Vec<u8>> {
    Some(miniz_oxide::deflate::compress_to_vec(bytes, 9))
}

/// Reverses [`pack`], refusing anything that is not a packed text of bounded size.
pub fn unpack(packed: &str) -> Result<String, PermalinkError> {
    let bytes = URL_SAFE_NO_PAD
        .decode(packed.trim_end_matches('='))
        .map_err(|_| PermalinkError::NotBase64)?;
    let text = miniz_oxide::inflate::decompress_to_vec_with_limit(&bytes, MAX_UNPACKED)
        .map_err(|_| PermalinkError::NotDeflate)?;
    String::from_utf8(text).map_err(|_| PermalinkError::NotText)
}

/// Whether a program is worth packing: long, and shorter packed than percent-encoded.
pub async fn worth_packing(encoded_len: usize, text: &str) -> Option<String> {
    if encoded_len < PACK_FROM {
        return None;
    }
    let packed = pack(text).await?;
    (packed.len() < encoded_len).then_some(packed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn round_trip_of_unicode_and_newlines() {
        let text = "v2 = exp(x1); v3 = v2 + 1\nv4 = v2 * v3 # θ·x — 反向模式";
        let packed = pack(text).await.expect("natively miniz packs");
        assert_eq!(unpack(&packed).as_deref(), Ok(text));
    }

    #[tokio::test]
    async fn a_long_program_gets_much_shorter() {
        let program: String = (1..=40)
            .map(|i| format!("v{} = sin(v{}) * x1 + {i}\n", i + 1, i))
            .collect();
        let encoded = crate::url::encode(&program).len();
        let packed = worth_packing(encoded, &program)
            .await
            .expect("worth packing");
        assert!(packed.len() * 3 < encoded, "{} vs {encoded}", packed.len());
        assert!(packed
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
    }

    #[tokio::test]
    async fn short_programs_stay_readable() {
        assert_eq!(worth_packing(30, "ln(x1) + x1*x2 - sin(x2)").await, None);
    }

    #[test]
    fn hostile_values_are_refused_not_panicked_on() {
        assert_eq!(unpack("%%%"), Err(PermalinkError::NotBase64));
        assert_eq!(
            unpack(&URL_SAFE_NO_PAD.encode(b"not deflate at all")),
            Err(PermalinkError::NotDeflate)
        );
        // 64 MiB of zeros deflates to ~64 KB: refused at the limit, never allocated.
        let bomb = miniz_oxide::deflate::compress_to_vec(&vec![0u8; 64 << 20], 9);
        assert_eq!(
            unpack(&URL_SAFE_NO_PAD.encode(bomb)),
            Err(PermalinkError::NotDeflate)
        );
        let not_utf8 = miniz_oxide::deflate::compress_to_vec(&[0xff, 0xfe, 0x00], 9);
        assert_eq!(
            unpack(&URL_SAFE_NO_PAD.encode(not_utf8)),
            Err(PermalinkError::NotText)
        );
    }
}
