//! `ygt` (医共体): the command line. Reads a scenario, runs it, prints the results.
//!
//! `main -> run -> Result`; no model logic lives here.

use std::io::{Read, Write};
use std::process::ExitCode;

/// Writes a line to standard error. A closed pipe is not an error of ours: the command line never panics
/// because nobody is reading (the print macros would).
macro_rules! say_err {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}

/// Writes a line to standard output, ignoring a closed pipe.
macro_rules! say_out {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout(), $($arg)*);
    }};
}

/// Writes to standard output without a newline, ignoring a closed pipe.
macro_rules! say_out_raw {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = write!(std::io::stdout(), $($arg)*);
    }};
}

use ygt::model::{self, ASSUMPTIONS, LEVERS};
use ygt::report;
use ygt::scenario::{self, node::MAX_FILE_BYTES, Diagnostic};

const USAGE: &str = "\
ygt — 医共体政策沙盘 county medical-community policy sandbox

用法 usage:
  ygt run FILE [--set PATH=VALUE]... [--json | --csv] [-o OUT]
      运行方案,输出五年结果 / run a scenario and print its results
  ygt check FILE [--set PATH=VALUE]...
      检查方案文件 / check a scenario file (exit 0 when valid)
  ygt params
      列出全部政策杠杆和假设 / list every lever and assumption
  ygt template [--from FILE] -o county.xlsx | -o DIR
      下载县情表格模板(.xlsx,或 DIR 下三个 CSV 文件) / the county spreadsheet template (.xlsx, or three CSV files in DIR)
  ygt import county.xlsx | 县.csv 医共体.csv 机构.csv  [--into CURRENT.toml] -o scenario.toml
      导入填好的表格,每个错误单元格都会列出;--into 只替换该方案的县情,改革、假设和标题不变
      import a filled template, every bad cell named; --into puts only the county into CURRENT, keeping its
      reform, assumptions, title and the estimate marks of values the sheet did not change
  ygt new --population N [--name NAME] [-o FILE]
      按常住人口估算新建一个县(全部输入标为估计值) / a new county from its population (all inputs estimates)
  ygt diff A B [--json]
      逐项比较两个方案 / what differs between two scenarios, field by field
  ygt uncertainty FILE [--draws 1000] [--seed 1] [--json]
      行为假设的蒙特卡洛:各指标逐年 10/50/90 百分位和达标概率
      Monte Carlo over the behavioural assumptions: 10th/50th/90th percentiles and the chance of each target
  ygt sensitivity FILE --indicator KEY [--year Y] [--json]
      各假设取合理范围两端时指标的变化(龙卷风图) / how far an indicator moves with each assumption (tornado)
  ygt seek FILE --lever KEY --indicator KEY --target T [--year Y] [--json]
      求使指标达到目标的杠杆值 / the lever value that brings an indicator to a target
  ygt attribute FILE --indicator KEY [--year Y] [--json]
      把基线到改革的变化分给各杠杆(Shapley 值,合计等于总变化) / each lever's share of the change (Shapley values)
  ygt batch FILE... [--grid PATH=V1,V2,...]... [--csv | --json] [-o OUT]
      批量运行多个方案,或一个方案的参数网格,每个方案每年一行 / many scenarios, or one over a grid of --set values,
      one row per scenario and year

--set 按文件中的路径覆盖任一输入或杠杆,可重复,例如
--set overrides any input or lever by its path in the file, repeatable, e.g.
  --set reform.per_bed_subsidy_yuan=4000
  --set reform.special_fund_rate=[0,0.01]
  --set communities.0.insured_residents=300000
";

#[path = "ygt/analysis.rs"]
mod analysis;

/// Why the command failed, with its exit code.
enum Failure {
    /// The command line itself is wrong (exit 2).
    Usage(String),
    /// The file could not be read (exit 3).
    Io(String),
    /// The scenario has errors (exit 1); the diagnostics were printed.
    Invalid,
}

enum Format {
    Table,
    Json,
    Csv,
}

struct Options {
    command: String,
    file: String,
    overrides: Vec<String>,
    format: Format,
    output: Option<String>,
    population: Option<u64>,
    name: Option<String>,
    /// More files (for `import` of CSV files).
    more_files: Vec<String>,
    from: Option<String>,
    /// The scenario an import goes into (`--into`).
    into: Option<String>,
    /// The analyses' settings (`--draws`, `--seed`, `--indicator`, `--year`, `--target`, `--lever`,
    /// `--grid PATH=V1,V2,...`).
    analysis: analysis::Settings,
}

fn parse_args(args: Vec<String>) -> Result<Options, Failure> {
    let mut iter = args.into_iter();
    let command = iter
        .next()
        .ok_or_else(|| Failure::Usage("缺少命令 / missing command".into()))?;
    let mut options = Options {
        command,
        file: String::new(),
        overrides: Vec::new(),
        format: Format::Table,
        output: None,
        population: None,
        name: None,
        more_files: Vec::new(),
        from: None,
        into: None,
        analysis: analysis::Settings::default(),
    };
    while let Some(arg) = iter.next() {
        match arg.as_str() {
            "--set" => options.overrides.push(iter.next().ok_or_else(|| {
                Failure::Usage("--set 需要 PATH=VALUE / --set needs PATH=VALUE".into())
            })?),
            "--json" => options.format = Format::Json,
            "--population" => {
                let value = iter.next().unwrap_or_default();
                options.population = Some(
                    ygt::scenario::template::parse_population(&value).map_err(|d| {
                        Failure::Usage(format!(
                            "--population: {} / {}, not {value:?}",
                            d.message_zh, d.message_en
                        ))
                    })?,
                );
            }
            "--name" => {
                options.name = Some(iter.next().ok_or_else(|| {
                    Failure::Usage("--name 需要县名 / --name needs a name".into())
                })?)
            }
            "--csv" => options.format = Format::Csv,
            "-o" | "--output" => {
                options.output = Some(
                    iter.next()
                        .ok_or_else(|| Failure::Usage("-o 需要文件名 / -o needs a file".into()))?,
                )
            }
            other if other.starts_with("--set=") => {
                options.overrides.push(other["--set=".len()..].to_string())
            }
            "--into" => {
                options.into = Some(iter.next().ok_or_else(|| {
                    Failure::Usage("--into 需要方案文件 / --into needs a scenario file".into())
                })?)
            }
            "--from" => {
                options.from = Some(iter.next().ok_or_else(|| {
                    Failure::Usage("--from 需要方案文件 / --from needs a scenario file".into())
                })?)
            }
            flag if analysis::Settings::takes(flag) => {
                let value = iter.next().ok_or_else(|| {
                    Failure::Usage(format!("{flag} 需要一个值 / {flag} needs a value"))
                })?;
                options.analysis.set(flag, &value).map_err(Failure::Usage)?;
            }
            other if other.starts_with('-') && other != "-" => {
                return Err(Failure::Usage(format!(
                    "未知选项 / unknown option: {other}"
                )))
            }
            other if options.file.is_empty() => options.file = other.to_string(),
            other if matches!(options.command.as_str(), "import" | "diff" | "batch") => {
                options.more_files.push(other.to_string())
            }
            other => {
                return Err(Failure::Usage(format!(
                    "多余的参数 / unexpected argument: {other}"
                )))
            }
        }
    }
    Ok(options)
}

/// Reads the scenario file (or standard input for `-`), bounded in size, as UTF-8.
fn read_text(path: &str) -> Result<String, Failure> {
    let mut bytes = Vec::new();
    let limit = (MAX_FILE_BYTES + 1) as u64;
    let result = if path == "-" {
        std::io::stdin().take(limit).read_to_end(&mut bytes)
    } else {
        std::fs::File::open(path).and_then(|file| file.take(limit).read_to_end(&mut bytes))
    };
    result
        .map_err(|error| Failure::Io(format!("无法读取 {path} / cannot read {path}: {error}")))?;
    if bytes.len() > MAX_FILE_BYTES {
        return Err(Failure::Io(format!(
            "{path}: 文件超过 {MAX_FILE_BYTES} 字节 / file larger than {MAX_FILE_BYTES} bytes"
        )));
    }
    if bytes.starts_with(b"PK") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err(Failure::Io(format!(
            "{path}: 这是表格文件,不是方案文件:请用 ygt import 导入 / this is a spreadsheet, not a scenario file: import it with ygt import"
        )));
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(Failure::Io(format!(
            "{path}: 文件是 UTF-16 编码;请另存为 UTF-8 / the file is UTF-16; save it as UTF-8"
        )));
    }
    String::from_utf8(bytes).map_err(|error| {
        if error.utf8_error().error_len().is_none() {
            return Failure::Io(format!(
                "{path}: 文件在一个字符中间结束,可能被截断 / the file ends in the middle of a character: it may have been cut short"
            ));
        }
        Failure::Io(format!(
            "{path}: 不是 UTF-8 编码的文本(第 {} 字节);请另存为 UTF-8 / not UTF-8 text (byte {}); save it as UTF-8",
            error.utf8_error().valid_up_to(),
            error.utf8_error().valid_up_to()
        ))
    })
}

fn print_diagnostics(diagnostics: &[Diagnostic]) {
    let mut stderr = std::io::stderr().lock();
    for diagnostic in diagnostics {
        let _ = writeln!(stderr, "{}", printable(&diagnostic.to_string()));
    }
}

/// Text safe to print to a terminal: control characters (an escape sequence hidden in a name could
/// recolour or rewrite the screen) and bidirectional overrides shown as `\u{…}`, line breaks kept.
fn printable(text: &str) -> String {
    text.chars()
        .map(|c| {
            let bidi = matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
            if (c.is_control() && c != '\n') || bidi {
                format!("\\u{{{:x}}}", c as u32)
            } else {
                c.to_string()
            }
        })
        .collect()
}

fn list_params() -> String {
    let describe = |spec: &model::ParamSpec, usual_word: &str| {
        let (unit_zh, unit_en) = spec.unit.label();
        let usual = spec
            .usual
            .map(|(low, high)| format!(" {usual_word} {low}-{high}"))
            .unwrap_or_default();
        format!(
            "  {:<32} {} / {} [{unit_zh} / {unit_en}] default {} range {}-{}{usual}\n      来源: {}\n      source: {}\n",
            spec.key,
            spec.zh,
            spec.en,
            spec.default,
            spec.min,
            spec.max,
            spec.source_zh(),
            spec.source_en()
        )
    };
    let mut out = String::from("政策杠杆 levers ([levers] 今天 / [reform] 改革):\n");
    LEVERS.iter().for_each(|spec| {
        let word = if spec.range_is_documented() {
            "documented"
        } else {
            "plausible"
        };
        out.push_str(&describe(spec, word));
    });
    out.push_str("\n行为与环境假设 assumptions ([assumptions]):\n");
    ASSUMPTIONS
        .iter()
        .for_each(|spec| out.push_str(&describe(spec, "plausible")));
    out
}

fn write_output(text: &str, output: &Option<String>) -> Result<(), Failure> {
    match output {
        Some(path) => std::fs::write(path, text).map_err(|error| {
            Failure::Io(format!("无法写入 {path} / cannot write {path}: {error}"))
        }),
        None => {
            let mut stdout = std::io::stdout().lock();
            stdout
                .write_all(text.as_bytes())
                .and_then(|_| stdout.flush())
                .or(Ok(()))
        }
    }
}

fn run(args: Vec<String>) -> Result<(), Failure> {
    if matches!(
        args.first().map(String::as_str),
        None | Some("-h" | "--help" | "help")
    ) {
        say_out_raw!("{USAGE}");
        return Ok(());
    }
    if matches!(args.first().map(String::as_str), Some("-V" | "--version")) {
        say_out!(
            "ygt {} (scenario format {})",
            env!("CARGO_PKG_VERSION"),
            scenario::FORMAT_VERSION
        );
        return Ok(());
    }
    let options = parse_args(args)?;
    if options.command == "params" {
        return write_output(&list_params(), &options.output);
    }
    if options.command == "new" {
        let population = options.population.ok_or_else(|| {
            Failure::Usage("ygt new 需要 --population N / ygt new needs --population N".into())
        })?;
        let name = options.name.clone().unwrap_or_else(|| "新县".to_string());
        return write_output(
            &scenario::template::from_population(&name, population),
            &options.output,
        );
    }
    if options.command == "template" {
        return write_template(&options);
    }
    if options.command == "import" {
        return import_template(&options);
    }
    if analysis::COMMANDS.contains(&options.command.as_str()) {
        return analysis::run(&options);
    }
    if !matches!(options.command.as_str(), "run" | "check") {
        return Err(Failure::Usage(format!(
            "未知命令 / unknown command: {}",
            options.command
        )));
    }
    if options.file.is_empty() {
        return Err(Failure::Usage(
            "缺少方案文件 / missing scenario FILE".into(),
        ));
    }
    let text = read_text(&options.file)?;
    let loaded = match scenario::load(&text, &options.overrides) {
        Ok(loaded) => loaded,
        Err(diagnostics) => {
            print_diagnostics(&diagnostics);
            let errors = diagnostics.iter().filter(|d| d.is_error()).count();
            say_err!("{}: {errors} 个错误 / {errors} error(s)", options.file);
            return Err(Failure::Invalid);
        }
    };
    if options.command == "check" {
        print_diagnostics(&loaded.warnings);
        say_out!(
            "{}: 有效 / valid ({} 个警告 / {} warning(s))",
            options.file,
            loaded.warnings.len(),
            loaded.warnings.len()
        );
        return Ok(());
    }
    let projection = model::project(&loaded.scenario.input);
    let text = match options.format {
        Format::Json => {
            let document = report::json::document(&loaded.scenario, &loaded.warnings, &projection);
            serde_json::to_string_pretty(&document).unwrap_or_default() + "\n"
        }
        Format::Csv => report::csv::document(&projection),
        Format::Table => printable(&report::table::document(
            &loaded.scenario,
            &loaded.warnings,
            &projection,
        )),
    };
    if !matches!(options.format, Format::Table) {
        print_diagnostics(&loaded.warnings);
    }
    write_output(&text, &options.output)
}

/// Reads a file's bytes, bounded in size.
fn read_bytes(path: &str) -> Result<Vec<u8>, Failure> {
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|file| file.take(64 * 1024 * 1024).read_to_end(&mut bytes))
        .map_err(|error| Failure::Io(format!("无法读取 {path} / cannot read {path}: {error}")))?;
    Ok(bytes)
}

fn write_template(options: &Options) -> Result<(), Failure> {
    let text = match &options.from {
        Some(path) => read_text(path)?,
        None => scenario::shipped::default_text().to_string(),
    };
    let loaded = scenario::load(&text, &[]).map_err(|diagnostics| {
        print_diagnostics(&diagnostics);
        Failure::Invalid
    })?;
    let tables = ygt::sheet::county::export(&loaded.scenario);
    let output = options.output.clone().ok_or_else(|| Failure::Usage("ygt template 需要 -o county.xlsx 或 -o 目录 / ygt template needs -o county.xlsx or -o DIR".into()))?;
    let io = |error: std::io::Error| {
        Failure::Io(format!(
            "无法写入 {output} / cannot write {output}: {error}"
        ))
    };
    if output.ends_with(".xlsx") {
        std::fs::write(&output, ygt::sheet::xlsx::write(&tables)).map_err(io)?;
    } else {
        std::fs::create_dir_all(&output).map_err(io)?;
        for (name, contents) in ygt::sheet::county::csv_files(&tables) {
            std::fs::write(std::path::Path::new(&output).join(name), contents).map_err(io)?;
        }
    }
    say_err!("{output}: 模板已写出 / template written");
    Ok(())
}

fn import_template(options: &Options) -> Result<(), Failure> {
    if options.file.is_empty() {
        return Err(Failure::Usage(
            "ygt import 需要表格文件 / ygt import needs the filled template".into(),
        ));
    }
    let mut files = Vec::new();
    for path in std::iter::once(&options.file).chain(&options.more_files) {
        files.push((path.clone(), read_bytes(path)?));
    }
    print_diagnostics(&ygt::sheet::county::encoding_notes(&files));
    let current = options.into.as_deref().map(read_text).transpose()?;
    let text = ygt::sheet::county::read_files(&files)
        .map(|tables| {
            print_diagnostics(&ygt::sheet::county::formula_notes(&tables));
            tables
        })
        .and_then(|tables| match &current {
            Some(current) => {
                ygt::sheet::county::import_into(&tables, current).map(|(text, changed)| {
                    say_err!(
                        "{} 项数值改变 / {} value(s) changed: {}",
                        changed.len(),
                        changed.len(),
                        changed.join(", ")
                    );
                    text
                })
            }
            None => ygt::sheet::county::import(&tables),
        })
        .map_err(|diagnostics| {
            print_diagnostics(&diagnostics);
            say_err!(
                "{} 个错误,未导入 / {} error(s), nothing imported",
                diagnostics.len(),
                diagnostics.len()
            );
            Failure::Invalid
        })?;
    write_output(&text, &options.output)
}

fn main() -> ExitCode {
    match run(std::env::args().skip(1).collect()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Invalid) => ExitCode::from(1),
        Err(Failure::Usage(message)) => {
            say_err!("{message}\n\n{USAGE}");
            ExitCode::from(2)
        }
        Err(Failure::Io(message)) => {
            say_err!("{message}");
            ExitCode::from(3)
        }
    }
}
