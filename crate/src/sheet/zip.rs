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
    /// An entry is damaged: it does not inflate, or not to its recorded size and CRC-32.
    Corrupt,
    /// Two entries share data (a crafted archive, not one Excel or WPS writes).
    Overlapping,
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

/// Where one entry's data lies and what it must inflate to.
struct Entry {
    name: String,
    method: u16,
    data: std::ops::Range<usize>,
    size: usize,
    crc: u32,
}

/// An archive's directory, read once; each part is inflated only when asked for, checked against
/// its size and CRC-32, and counted against one budget of [`MAX_TOTAL_BYTES`] for the whole archive.
pub struct Archive<'a> {
    bytes: &'a [u8],
    entries: Vec<Entry>,
    inflated: std::cell::Cell<usize>,
}

impl<'a> Archive<'a> {
    /// The archive's directory. Refuses entries whose data overlap (a crafted archive that makes
    /// many entries of one compressed run, to inflate it many times).
    pub fn open(bytes: &'a [u8]) -> Result<Archive<'a>, ZipError> {
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
        let mut at = directory;
        for _ in 0..count {
            if u32_at(bytes, at)? != 0x0201_4b50 {
                return Err(ZipError::Truncated);
            }
            let flags = u16_at(bytes, at + 8)?;
            let method = u16_at(bytes, at + 10)?;
            let crc = u32_at(bytes, at + 16)?;
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
            let data_end = data_start
                .checked_add(compressed)
                .filter(|&end| end <= bytes.len())
                .ok_or(ZipError::Truncated)?;
            if !matches!(method, 0 | 8) {
                return Err(ZipError::Unsupported("compression method"));
            }
            entries.push(Entry {
                name,
                method,
                // From the local header, so that two entries sharing a header overlap too.
                data: local..data_end,
                size,
                crc,
            });
        }
        let mut spans: Vec<&std::ops::Range<usize>> = entries.iter().map(|e| &e.data).collect();
        spans.sort_by_key(|span| span.start);
        if spans.windows(2).any(|pair| pair[1].start < pair[0].end) {
            return Err(ZipError::Overlapping);
        }
        for entry in &mut entries {
            // The data proper starts after the local header.
            let local = entry.data.start;
            entry.data.start = local
                + 30
                + usize::from(u16_at(bytes, local + 26)?)
                + usize::from(u16_at(bytes, local + 28)?);
        }
        Ok(Archive {
            bytes,
            entries,
            inflated: std::cell::Cell::new(0),
        })
    }

    /// The names of the entries, in directory order.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.entries.iter().map(|e| e.name.as_str())
    }

    /// The contents of the entry `name` (a leading `/` ignored), if there is one.
    pub fn part(&self, name: &str) -> Result<Option<Vec<u8>>, ZipError> {
        let Some(entry) = self
            .entries
            .iter()
            .find(|e| e.name.trim_start_matches('/') == name)
        else {
            return Ok(None);
        };
        let budget = MAX_TOTAL_BYTES - self.inflated.get();
        if entry.size > budget {
            return Err(ZipError::TooLarge);
        }
        let data = &self.bytes[entry.data.clone()];
        let contents = match entry.method {
            0 => data.to_vec(),
            _ => miniz_oxide::inflate::decompress_to_vec_with_limit(data, budget).map_err(
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
        };
        if contents.len() != entry.size || crc32(&contents) != entry.crc {
            return Err(ZipError::Corrupt);
        }
        self.inflated.set(self.inflated.get() + contents.len());
        Ok(Some(contents))
    }
}

/// Every entry of the archive: (name, contents).
#[cfg(test)]
fn read(bytes: &[u8]) -> Result<Vec<(String, Vec<u8>)>, ZipError> {
    let archive = Archive::open(bytes)?;
    let names: Vec<String> = archive.names().map(str::to_string).collect();
    names
        .into_iter()
        .map(|name| {
            let contents = archive.part(&name)?.unwrap_or_default();
            Ok((name, contents))
        })
        .collect()
}

/// The CRC-32 (IEEE) table, built at compile time.
const CRC_TABLE: [u32; 256] = {
    let mut table = [0u32; 256];
    let mut n = 0;
    while n < 256 {
        let mut c = n as u32;
        let mut bit = 0;
        while bit < 8 {
            c = if c & 1 != 0 {
                0xEDB8_8320 ^ (c >> 1)
            } else {
                c >> 1
            };
            bit += 1;
        }
        table[n] = c;
        n += 1;
    }
    table
};

fn crc32(bytes: &[u8]) -> u32 {
    !bytes.iter().fold(!0u32, |crc, byte| {
        CRC_TABLE[((crc ^ u32::from(*byte)) & 0xFF) as usize] ^ (crc >> 8)
    })
}

/// An archive of `entries` (name, contents), each deflated.
pub fn write<N: AsRef<str>>(entries: &[(N, Vec<u8>)]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut directory = Vec::new();
    for (name, contents) in entries {
        let name = name.as_ref();
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

    /// An archive whose directory lists its one entry `copies` times (a "zip bomb" of overlapping
    /// entries: every name inflates the same compressed run).
    fn aliased(copies: u16) -> Vec<u8> {
        let single = write(&[("xl/worksheets/sheet1.xml", vec![b'x'; 1_000_000])]);
        let end = single.len() - 22;
        let directory = u32_at(&single, end + 16).unwrap() as usize;
        let record = single[directory..end].to_vec();
        let mut out = single[..directory].to_vec();
        for copy in 0..copies {
            let mut record = record.clone();
            // A different last letter of the name for each copy.
            let name_end = record.len() - 1;
            record[name_end] = b'a' + (copy % 26) as u8;
            out.extend_from_slice(&record);
        }
        let directory_length = (out.len() - directory) as u32;
        out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
        out.extend_from_slice(&[0u8; 4]);
        out.extend_from_slice(&copies.to_le_bytes());
        out.extend_from_slice(&copies.to_le_bytes());
        out.extend_from_slice(&directory_length.to_le_bytes());
        out.extend_from_slice(&(directory as u32).to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes());
        out
    }

    #[test]
    fn refuses_entries_that_share_data() {
        assert!(Archive::open(&aliased(1)).is_ok());
        assert_eq!(
            Archive::open(&aliased(30)).err(),
            Some(ZipError::Overlapping)
        );
    }

    #[test]
    fn checks_each_entry_against_its_crc() {
        let mut archive = write(&[("a.xml", b"<a>abcdefgh</a>".to_vec())]);
        // Stored CRC in the central directory (offset 16 of its record) no longer matches.
        let end = archive.len() - 22;
        let directory = u32_at(&archive, end + 16).unwrap() as usize;
        archive[directory + 16] ^= 0xFF;
        assert_eq!(
            Archive::open(&archive).unwrap().part("a.xml"),
            Err(ZipError::Corrupt)
        );
    }

    #[test]
    fn one_budget_for_every_part_read() {
        let big = vec![b'x'; MAX_TOTAL_BYTES / 2 + 1];
        let archive = write(&[("a", big.clone()), ("b", big)]);
        let archive = Archive::open(&archive).unwrap();
        assert!(archive.part("a").unwrap().is_some());
        assert_eq!(archive.part("b"), Err(ZipError::TooLarge));
        assert_eq!(archive.part("c"), Ok(None));
    }
}
