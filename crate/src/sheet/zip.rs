//! The zip container of an .xlsx file: reading (stored and deflated entries, bounded in count and size)
//! and writing (deflated entries). Deflate itself is miniz_oxide's.
//!
//! Hand-written because the maintained zip and spreadsheet crates add about 540 KB gzipped to the
//! page's WebAssembly (measured with calamine and rust_xlsxwriter), past the page's 400 KB budget, and
//! an .xlsx needs only this small part of the format.

/// Most entries an archive may have.
const MAX_ENTRIES: usize = 2_000;
/// Most bytes all entries together may inflate to.
pub const MAX_TOTAL_BYTES: usize = 32 * 1024 * 1024;

/// Why an archive cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ZipError {
    /// Not a zip archive (no end-of-central-directory record).
    NotZip,
    /// The archive is cut short or its records point outside it.
    Truncated,
    /// A feature this reader does not take: zip64, encryption, or a compression other than deflate.
    Unsupported(&'static str),
    /// The entries would inflate past [`MAX_TOTAL_BYTES`], or there are too many.
    TooLarge,
    /// A deflated entry is damaged.
    Corrupt,
}

fn u16_at(bytes: &[u8], at: usize) -> Result<u16, ZipError> {
    bytes
        .get(at..at + 2)
        .map(|b| u16::from_le_bytes([b[0], b[1]]))
        .ok_or(ZipError::Truncated)
}

fn u32_at(bytes: &[u8], at: usize) -> Result<u32, ZipError> {
    bytes
        .get(at..at + 4)
        .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
        .ok_or(ZipError::Truncated)
}

/// Every entry of the archive: (name, contents).
pub fn read(bytes: &[u8]) -> Result<Vec<(String, Vec<u8>)>, ZipError> {
    const END: u32 = 0x0605_4b50;
    let search_from = bytes.len().saturating_sub(22 + 65_535);
    let end = (search_from..bytes.len().saturating_sub(21))
        .rev()
        .find(|&at| u32_at(bytes, at) == Ok(END))
        .ok_or(ZipError::NotZip)?;
    let count = usize::from(u16_at(bytes, end + 10)?);
    let directory = u32_at(bytes, end + 16)? as usize;
    if count == 0xFFFF || directory == 0xFFFF_FFFF {
        return Err(ZipError::Unsupported("zip64"));
    }
    if count > MAX_ENTRIES {
        return Err(ZipError::TooLarge);
    }
    let mut entries = Vec::with_capacity(count);
    let mut total = 0usize;
    let mut at = directory;
    for _ in 0..count {
        if u32_at(bytes, at)? != 0x0201_4b50 {
            return Err(ZipError::Truncated);
        }
        let flags = u16_at(bytes, at + 8)?;
        let method = u16_at(bytes, at + 10)?;
        let compressed = u32_at(bytes, at + 20)? as usize;
        let size = u32_at(bytes, at + 24)? as usize;
        let name_length = usize::from(u16_at(bytes, at + 28)?);
        let extra_length = usize::from(u16_at(bytes, at + 30)?);
        let comment_length = usize::from(u16_at(bytes, at + 32)?);
        let local = u32_at(bytes, at + 42)? as usize;
        let name = bytes
            .get(at + 46..at + 46 + name_length)
            .ok_or(ZipError::Truncated)?;
        let name = String::from_utf8_lossy(name).into_owned();
        at += 46 + name_length + extra_length + comment_length;
        if flags & 1 != 0 {
            return Err(ZipError::Unsupported("encryption"));
        }
        if u32_at(bytes, local)? != 0x0403_4b50 {
            return Err(ZipError::Truncated);
        }
        let data_start = local
            + 30
            + usize::from(u16_at(bytes, local + 26)?)
            + usize::from(u16_at(bytes, local + 28)?);
        let data = bytes
            .get(
                data_start
                    ..data_start
                        .checked_add(compressed)
                        .ok_or(ZipError::Truncated)?,
            )
            .ok_or(ZipError::Truncated)?;
        let budget = MAX_TOTAL_BYTES - total;
        let contents = match method {
            0 => data.to_vec(),
            8 => miniz_oxide::inflate::decompress_to_vec_with_limit(data, budget).map_err(
                |error| {
                    if matches!(
                        error.status,
                        miniz_oxide::inflate::TINFLStatus::HasMoreOutput
                    ) {
                        ZipError::TooLarge
                    } else {
                        ZipError::Corrupt
                    }
                },
            )?,
            _ => return Err(ZipError::Unsupported("compression method")),
        };
        if contents.len() > budget || (method == 0 && contents.len() != size) {
            return Err(if contents.len() > budget {
                ZipError::TooLarge
            } else {
                ZipError::Corrupt
            });
        }
        total += contents.len();
        entries.push((name, contents));
    }
    Ok(entries)
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut table = [0u32; 256];
    for (n, slot) in table.iter_mut().enumerate() {
        let mut c = n as u32;
        for _ in 0..8 {
            c = if c & 1 != 0 {
                0xEDB8_8320 ^ (c >> 1)
            } else {
                c >> 1
            };
        }
        *slot = c;
    }
    !bytes.iter().fold(!0u32, |crc, byte| {
        table[((crc ^ u32::from(*byte)) & 0xFF) as usize] ^ (crc >> 8)
    })
}

/// An archive of `entries` (name, contents), each deflated.
pub fn write(entries: &[(&str, Vec<u8>)]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut directory = Vec::new();
    for (name, contents) in entries {
        let compressed = miniz_oxide::deflate::compress_to_vec(contents, 6);
        let crc = crc32(contents);
        let offset = out.len() as u32;
        let header = |out: &mut Vec<u8>, central: bool| {
            out.extend_from_slice(
                &(if central { 0x0201_4b50u32 } else { 0x0403_4b50 }).to_le_bytes(),
            );
            if central {
                out.extend_from_slice(&20u16.to_le_bytes());
            }
            out.extend_from_slice(&20u16.to_le_bytes()); // version needed
            out.extend_from_slice(&0x0800u16.to_le_bytes()); // flags: names are UTF-8
            out.extend_from_slice(&8u16.to_le_bytes()); // deflate
            out.extend_from_slice(&0u16.to_le_bytes()); // time
            out.extend_from_slice(&0x21u16.to_le_bytes()); // date: 1980-01-01
            out.extend_from_slice(&crc.to_le_bytes());
            out.extend_from_slice(&(compressed.len() as u32).to_le_bytes());
            out.extend_from_slice(&(contents.len() as u32).to_le_bytes());
            out.extend_from_slice(&(name.len() as u16).to_le_bytes());
            out.extend_from_slice(&0u16.to_le_bytes()); // extra
            if central {
                out.extend_from_slice(&[0u8; 6]); // comment length, disk, internal attributes
                out.extend_from_slice(&0u32.to_le_bytes()); // external attributes
                out.extend_from_slice(&offset.to_le_bytes());
            }
            out.extend_from_slice(name.as_bytes());
        };
        header(&mut out, false);
        out.extend_from_slice(&compressed);
        header(&mut directory, true);
    }
    let directory_offset = out.len() as u32;
    out.extend_from_slice(&directory);
    out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
    out.extend_from_slice(&[0u8; 4]);
    out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    out.extend_from_slice(&(directory.len() as u32).to_le_bytes());
    out.extend_from_slice(&directory_offset.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_checks_crc() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        let archive = write(&[
            ("a.xml", b"<a/>".to_vec()),
            ("dir/b.txt", "表".repeat(1000).into_bytes()),
        ]);
        let entries = read(&archive).unwrap();
        assert_eq!(entries[0], ("a.xml".to_string(), b"<a/>".to_vec()));
        assert_eq!(entries[1].1.len(), 3000);
    }

    #[test]
    fn refuses_garbage_and_truncation() {
        assert_eq!(read(b"not a zip"), Err(ZipError::NotZip));
        let archive = write(&[("a", vec![7; 100])]);
        assert!(read(&archive[..archive.len() - 5]).is_err());
        assert!(read(&archive[20..]).is_err());
    }
}
