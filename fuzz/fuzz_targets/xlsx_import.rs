//! .xlsx workbooks: `sheet::xlsx::read` on the input bytes as they are (a zip, as Excel writes it).
//! Because a mutated zip rarely passes its sizes and CRC-32s, an input that does not start with `PK`
//! is also read as the workbook's parts, uncompressed: parts separated by the byte 0x00, each
//! `NAME\nCONTENTS` (for example `xl/worksheets/sheet1.xml\n<worksheet>…`), stored in a zip made here
//! with correct sizes and CRCs, so the fuzzer reaches the XML and cell reading directly.
//! Tables that read get their formula notes (`sheet::county::formula_notes`) and are imported
//! (`sheet::county::import`, then `import_into` the default scenario).
//! Checks only that nothing panics, hangs or blows up memory.
#![no_main]
use libfuzzer_sys::fuzz_target;
use ygt::sheet::{county, xlsx};

fn read_and_import(bytes: &[u8]) {
    match xlsx::read(bytes) {
        Ok(tables) => {
            let _ = county::formula_notes(&tables);
            if county::import(&tables).is_ok() {
                let _ = county::import_into(&tables, ygt::scenario::shipped::default_text());
            }
        }
        Err(error) => {
            let _ = error.messages();
        }
    }
}

fuzz_target!(|data: &[u8]| {
    read_and_import(data);
    if !data.starts_with(b"PK") {
        let parts: Vec<(&[u8], &[u8])> = data
            .split(|byte| *byte == 0)
            .map(|part| match part.iter().position(|byte| *byte == b'\n') {
                Some(at) => (&part[..at], &part[at + 1..]),
                None => (part, &[][..]),
            })
            .collect();
        read_and_import(&stored_zip(&parts));
    }
});

fn crc32(bytes: &[u8]) -> u32 {
    !bytes.iter().fold(!0u32, |mut crc, byte| {
        crc ^= u32::from(*byte);
        for _ in 0..8 {
            crc = if crc & 1 != 0 { 0xEDB8_8320 ^ (crc >> 1) } else { crc >> 1 };
        }
        crc
    })
}

/// A zip archive of `parts` (name, contents), every entry stored (method 0).
fn stored_zip(parts: &[(&[u8], &[u8])]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut directory = Vec::new();
    let parts = &parts[..parts.len().min(0xFFFE)];
    for (name, contents) in parts {
        let name = &name[..name.len().min(0xFFFF)];
        let offset = out.len() as u32;
        let crc = crc32(contents);
        let size = contents.len() as u32;
        let common = |header: &mut Vec<u8>| {
            header.extend_from_slice(&20u16.to_le_bytes()); // version needed
            header.extend_from_slice(&0u16.to_le_bytes()); // flags
            header.extend_from_slice(&0u16.to_le_bytes()); // method: stored
            header.extend_from_slice(&0u32.to_le_bytes()); // time, date
            header.extend_from_slice(&crc.to_le_bytes());
            header.extend_from_slice(&size.to_le_bytes()); // compressed
            header.extend_from_slice(&size.to_le_bytes()); // uncompressed
            header.extend_from_slice(&(name.len() as u16).to_le_bytes());
            header.extend_from_slice(&0u16.to_le_bytes()); // extra
        };
        out.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        common(&mut out);
        out.extend_from_slice(name);
        out.extend_from_slice(contents);
        directory.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
        directory.extend_from_slice(&20u16.to_le_bytes()); // version made by
        common(&mut directory);
        directory.extend_from_slice(&[0; 6]); // comment length, disk, internal attributes
        directory.extend_from_slice(&0u32.to_le_bytes()); // external attributes
        directory.extend_from_slice(&offset.to_le_bytes());
        directory.extend_from_slice(name);
    }
    let directory_offset = out.len() as u32;
    out.extend_from_slice(&directory);
    out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
    out.extend_from_slice(&[0; 4]); // disk numbers
    out.extend_from_slice(&(parts.len() as u16).to_le_bytes());
    out.extend_from_slice(&(parts.len() as u16).to_le_bytes());
    out.extend_from_slice(&(directory.len() as u32).to_le_bytes());
    out.extend_from_slice(&directory_offset.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes()); // comment length
    out
}
