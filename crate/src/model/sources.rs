//! Where a lever or an assumption comes from, written so a user can cite it: the policy documents and
//! national publications by title, issuer, number and date, and a [`Citation`] naming the clause, what
//! the clause does (or does not) say, and whether the value is documented, a local choice or an
//! assumption. Texts come in Chinese (official style) and English (plain).
//!
//! Only what the documents themselves show is given: a number or a date that a document does not
//! carry is `None`, never guessed.

use std::fmt;

/// A document the declarations cite.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Document {
    /// 《河南省紧密型县域医共体建设操作规范手册(试行版)》, Henan Province, trial edition.
    HenanManual,
    /// 《关于加快构建优质高效分级诊疗体系的实施方案》, Ya'an city, 2022-05-30.
    YaanTieredCare,
    /// 《益阳市推动公立医院高质量发展实施方案》 and its 附件2 indicator system, 益政办发〔2023〕16号.
    YiyangHospitals,
    /// 《米易县紧密型县域医共体建设实施方案(征求意见稿)》, Miyi county (Sichuan), draft for comment.
    MiyiCommunity,
    /// The Sichuan provincial press conference (28 August) on Luxian's "eight unifications", as
    /// reported by 四川在线.
    LuxianPressConference,
    /// The National Health Commission's yearly statistical bulletin (cite with the year).
    HealthStatisticsBulletin,
    /// The yearly national notices setting the basic public-health funding standard (cite with the years).
    PublicHealthFundingNotices,
    /// The yearly national notices setting resident medical insurance financing (cite with the years).
    InsuranceFinancingNotices,
}

impl Document {
    /// Every document, in the order the documentation lists them.
    pub const ALL: [Document; 8] = [
        Document::HenanManual,
        Document::YaanTieredCare,
        Document::YiyangHospitals,
        Document::MiyiCommunity,
        Document::LuxianPressConference,
        Document::HealthStatisticsBulletin,
        Document::PublicHealthFundingNotices,
        Document::InsuranceFinancingNotices,
    ];

    /// The title in Chinese, without 《》.
    pub fn title_zh(self) -> &'static str {
        match self {
            Document::HenanManual => "河南省紧密型县域医共体建设操作规范手册(试行版)",
            Document::YaanTieredCare => "关于加快构建优质高效分级诊疗体系的实施方案",
            Document::YiyangHospitals => "益阳市推动公立医院高质量发展实施方案",
            Document::MiyiCommunity => "米易县紧密型县域医共体建设实施方案(征求意见稿)",
            Document::LuxianPressConference => {
                "四川省政府新闻办乡村医疗卫生体系建设新闻发布会:泸州市泸县“八统一”医共体经验"
            }
            Document::HealthStatisticsBulletin => "我国卫生健康事业发展统计公报",
            Document::PublicHealthFundingNotices => "国家基本公共卫生服务经费补助标准年度通知",
            Document::InsuranceFinancingNotices => "国家城乡居民基本医疗保险筹资标准年度通知",
        }
    }

    /// The title in English.
    pub fn title_en(self) -> &'static str {
        match self {
            Document::HenanManual => "Operating Manual for Close-knit County Medical Communities (trial)",
            Document::YaanTieredCare => {
                "Implementation Plan for Speeding Up a High-quality, Efficient Tiered Care System"
            }
            Document::YiyangHospitals => {
                "Implementation Plan for the High-quality Development of Public Hospitals"
            }
            Document::MiyiCommunity => {
                "Implementation Plan for a Close-knit County Medical Community (draft for comment)"
            }
            Document::LuxianPressConference => {
                "press conference on the rural health system: Luxian's \"eight unifications\" medical communities"
            }
            Document::HealthStatisticsBulletin => {
                "Statistical Bulletin on the Development of Health Care in China"
            }
            Document::PublicHealthFundingNotices => {
                "annual national notices on basic public-health funding"
            }
            Document::InsuranceFinancingNotices => {
                "annual national notices on resident medical insurance financing"
            }
        }
    }

    /// Who issued it, in Chinese.
    pub fn issuer_zh(self) -> &'static str {
        match self {
            Document::HenanManual => "河南省",
            Document::YaanTieredCare => "雅安市深化医药卫生体制改革领导小组",
            Document::YiyangHospitals => "益阳市人民政府办公室",
            Document::MiyiCommunity => "米易县",
            Document::LuxianPressConference => "四川在线(四川省政府新闻办新闻发布会报道)",
            Document::HealthStatisticsBulletin => "国家卫生健康委",
            Document::PublicHealthFundingNotices | Document::InsuranceFinancingNotices => {
                "国家有关部门"
            }
        }
    }

    /// Who issued it, in English.
    pub fn issuer_en(self) -> &'static str {
        match self {
            Document::HenanManual => "Henan provincial health authorities",
            Document::YaanTieredCare => {
                "Ya'an City Leading Group for Deepening Medical and Health System Reform"
            }
            Document::YiyangHospitals => "General Office of the Yiyang City People's Government",
            Document::MiyiCommunity => "Miyi county, Sichuan",
            Document::LuxianPressConference => {
                "Sichuan Online, reporting a Sichuan provincial government press conference"
            }
            Document::HealthStatisticsBulletin => "National Health Commission",
            Document::PublicHealthFundingNotices | Document::InsuranceFinancingNotices => {
                "national ministries"
            }
        }
    }

    /// The document number (文号), where the document carries one.
    pub fn number(self) -> Option<&'static str> {
        match self {
            Document::YiyangHospitals => Some("益政办发〔2023〕16号"),
            _ => None,
        }
    }

    /// The date, in Chinese, where the document gives one.
    pub fn date_zh(self) -> Option<&'static str> {
        match self {
            Document::YaanTieredCare => Some("2022年5月30日"),
            Document::YiyangHospitals => Some("2023年7月6日"),
            Document::LuxianPressConference => Some("8月28日"),
            _ => None,
        }
    }

    /// The date, in English, where the document gives one.
    pub fn date_en(self) -> Option<&'static str> {
        match self {
            Document::YaanTieredCare => Some("30 May 2022"),
            Document::YiyangHospitals => Some("6 July 2023"),
            Document::LuxianPressConference => Some("28 August"),
            _ => None,
        }
    }

    /// Whether [`Document::title_zh`] is the document's own title (cited in 《》) rather than a
    /// description of a report or a series of notices.
    pub fn is_titled(self) -> bool {
        !matches!(
            self,
            Document::LuxianPressConference
                | Document::PublicHealthFundingNotices
                | Document::InsuranceFinancingNotices
        )
    }

    /// The title as a list of documents shows it: 《title》 when it is the document's own.
    pub fn cited_title_zh(self) -> String {
        if self.is_titled() {
            format!("《{}》", self.title_zh())
        } else {
            self.title_zh().into()
        }
    }

    /// An annex the citations refer to: (clause, Chinese title, English title).
    pub fn annex(self) -> Option<(&'static str, &'static str, &'static str)> {
        match self {
            Document::YiyangHospitals => Some((
                "附件2",
                "公立医院高质量发展监测评价指标体系",
                "Monitoring and Evaluation Indicators for the High-quality Development of Public Hospitals",
            )),
            _ => None,
        }
    }

    /// The document in full, as a list of sources gives it: title (with the annex cited), issuing body,
    /// document number and date where it has them. Chinese when `chinese`, else English.
    pub fn full_reference(self, chinese: bool) -> String {
        let mut parts = Vec::new();
        if chinese {
            let mut title = self.cited_title_zh();
            if let Some((clause, annex_zh, _)) = self.annex() {
                title.push_str(&format!(",{clause}《{annex_zh}》"));
            }
            parts.push(title);
            parts.push(self.issuer_zh().to_string());
            parts.extend(self.number().map(str::to_string));
            parts.extend(self.date_zh().map(str::to_string));
            parts.join(",")
        } else {
            let mut title = self.title_en().to_string();
            if let Some((clause, _, annex_en)) = self.annex() {
                title.push_str(&format!(
                    "; Annex {}: {annex_en}",
                    clause.trim_start_matches("附件")
                ));
            }
            parts.push(title);
            parts.push(self.issuer_en().to_string());
            parts.extend(self.number().map(str::to_string));
            parts.extend(self.date_en().map(str::to_string));
            parts.join(", ")
        }
    }

    /// How a citation names the document in Chinese: 《title》 for a document with a title, with the
    /// issuer when the title does not name the place, and the number (or else the date).
    pub fn reference_zh(self) -> String {
        match self {
            Document::HenanManual | Document::MiyiCommunity => self.cited_title_zh(),
            Document::YaanTieredCare => format!(
                "{}{}({})",
                self.issuer_zh(),
                self.cited_title_zh(),
                self.date_zh().unwrap_or_default()
            ),
            Document::YiyangHospitals => format!(
                "{}({})",
                self.cited_title_zh(),
                self.number().unwrap_or_default()
            ),
            Document::LuxianPressConference => {
                "泸州市泸县“八统一”医共体经验(四川省政府新闻办乡村医疗卫生体系建设新闻发布会,8月28日)"
                    .into()
            }
            Document::HealthStatisticsBulletin => {
                format!("{}{}", self.issuer_zh(), self.cited_title_zh())
            }
            Document::PublicHealthFundingNotices | Document::InsuranceFinancingNotices => {
                self.cited_title_zh()
            }
        }
    }

    /// How a citation names the document in English.
    pub fn reference_en(self) -> String {
        match self {
            Document::HenanManual => format!("Henan Province, {}", self.title_en()),
            Document::YaanTieredCare => format!(
                "Ya'an City, {} ({})",
                self.title_en(),
                self.date_en().unwrap_or_default()
            ),
            Document::YiyangHospitals => format!(
                "Yiyang City, {} (Yizhengbanfa [2023] No. 16)",
                self.title_en()
            ),
            Document::MiyiCommunity => format!("Miyi County, Sichuan, {}", self.title_en()),
            Document::LuxianPressConference => "Luxian's \"eight unifications\" medical communities \
                 (Sichuan provincial government press conference on the rural health system, 28 August)"
                .into(),
            Document::HealthStatisticsBulletin => {
                format!("{}, {}", self.issuer_en(), self.title_en())
            }
            Document::PublicHealthFundingNotices | Document::InsuranceFinancingNotices => {
                self.title_en().into()
            }
        }
    }
}

/// On what a parameter's value rests.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Basis {
    /// The value (or the standard it follows) is stated in a document.
    Documented,
    /// The documents leave the value to the county or the community; the default is one choice.
    LocalChoice,
    /// No document gives the value: the default is an assumption.
    Assumption,
}

impl Basis {
    /// (Chinese, English) label.
    pub fn label(self) -> (&'static str, &'static str) {
        match self {
            Basis::Documented => ("文件规定", "documented"),
            Basis::LocalChoice => ("地方自定", "local choice"),
            Basis::Assumption => ("假设", "assumption"),
        }
    }
}

/// Where a default and its ranges come from: at most two documents with the clause of each (as the
/// document numbers it, "" for none), the basis, and a note in Chinese and English saying what the
/// clause gives and what it leaves open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Citation {
    pub document: Option<Document>,
    /// The clause as the document numbers it, e.g. "五(二)1", "附件2", a year "2023年"; "" if none.
    pub clause: &'static str,
    /// A second document and its clause, when the source rests on two.
    pub also: Option<(Document, &'static str)>,
    pub basis: Basis,
    pub note_zh: &'static str,
    pub note_en: &'static str,
}

impl Citation {
    /// A citation of one document's clause.
    pub const fn new(
        basis: Basis,
        document: Document,
        clause: &'static str,
        note_zh: &'static str,
        note_en: &'static str,
    ) -> Citation {
        Citation {
            document: Some(document),
            clause,
            also: None,
            basis,
            note_zh,
            note_en,
        }
    }

    /// A note with no document behind it (a local choice or an assumption).
    pub const fn unsourced(basis: Basis, note_zh: &'static str, note_en: &'static str) -> Citation {
        Citation {
            document: None,
            clause: "",
            also: None,
            basis,
            note_zh,
            note_en,
        }
    }

    /// The same citation, also citing `document`'s `clause`.
    pub const fn and(self, document: Document, clause: &'static str) -> Citation {
        Citation {
            also: Some((document, clause)),
            ..self
        }
    }

    /// The documents cited, with their clauses.
    pub fn documents(&self) -> impl Iterator<Item = (Document, &'static str)> {
        self.document
            .map(|document| (document, self.clause))
            .into_iter()
            .chain(self.also)
    }

    /// The citation in Chinese, e.g. "《河南省紧密型县域医共体建设操作规范手册(试行版)》五(二)1;文件规定预留……".
    pub fn text_zh(&self) -> String {
        let references: Vec<String> = self
            .documents()
            .map(|(document, clause)| {
                let reference = document.reference_zh();
                if clause.ends_with('年') {
                    format!("{reference}({clause})")
                } else {
                    format!("{reference}{clause}")
                }
            })
            .collect();
        join(&references.join("、"), self.note_zh, ";")
    }

    /// The citation in English, e.g. "Henan Province, Operating Manual for Close-knit County Medical
    /// Communities (trial), §5(2)1; the document names the reserve, …".
    pub fn text_en(&self) -> String {
        let references: Vec<String> = self
            .documents()
            .map(|(document, clause)| {
                let reference = document.reference_en();
                match clause_en(clause) {
                    ClauseEn::None => reference,
                    ClauseEn::Years(years) => format!("{reference} ({years})"),
                    ClauseEn::Clause(clause) => format!("{reference}, {clause}"),
                }
            })
            .collect();
        join(&references.join(" and "), self.note_en, "; ")
    }
}

/// English, like [`Citation::text_en`]; use [`Citation::text_zh`] for Chinese.
impl fmt::Display for Citation {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(&self.text_en())
    }
}

fn join(references: &str, note: &str, separator: &str) -> String {
    match (references.is_empty(), note.is_empty()) {
        (true, _) => note.to_string(),
        (false, true) => references.to_string(),
        (false, false) => format!("{references}{separator}{note}"),
    }
}

enum ClauseEn {
    None,
    Years(String),
    Clause(String),
}

/// "五(二)1" → "§5(2)1", "附件2" → "Annex 2", "五(三)2、五(六)2" → "§5(3)2, §5(6)2", "2021—2025年" → years.
fn clause_en(clause: &str) -> ClauseEn {
    if clause.is_empty() {
        return ClauseEn::None;
    }
    if let Some(years) = clause.strip_suffix('年') {
        return ClauseEn::Years(years.replace('—', "-"));
    }
    let parts: Vec<String> = clause
        .split('、')
        .map(|part| match part.strip_prefix("附件") {
            Some(annex) => format!("Annex {}", numerals_en(annex)),
            None => format!("§{}", numerals_en(part)),
        })
        .collect();
    ClauseEn::Clause(parts.join(", "))
}

/// Chinese numerals (up to 99) to digits, '—' to '-'; everything else as it is.
fn numerals_en(text: &str) -> String {
    fn digit(c: char) -> Option<u32> {
        "〇一二三四五六七八九"
            .chars()
            .position(|d| d == c)
            .map(|p| p as u32)
    }
    let mut out = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '十' || digit(c).is_some() {
            let mut run = String::from(c);
            while let Some(&next) = chars.peek() {
                if next == '十' || digit(next).is_some() {
                    run.push(next);
                    chars.next();
                } else {
                    break;
                }
            }
            let value = match run.split_once('十') {
                Some((tens, units)) => {
                    let tens = if tens.is_empty() {
                        1
                    } else {
                        tens.chars().filter_map(digit).sum()
                    };
                    tens * 10 + units.chars().filter_map(digit).sum::<u32>()
                }
                None => run.chars().filter_map(digit).fold(0, |sum, d| sum * 10 + d),
            };
            out.push_str(&value.to_string());
        } else if c == '—' {
            out.push('-');
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clauses_read_in_english() {
        let en = |clause| match clause_en(clause) {
            ClauseEn::None => String::new(),
            ClauseEn::Years(years) => format!("years {years}"),
            ClauseEn::Clause(clause) => clause,
        };
        assert_eq!(en("五(二)1"), "§5(2)1");
        assert_eq!(en("二(三)8"), "§2(3)8");
        assert_eq!(en("五(三)2、五(六)2"), "§5(3)2, §5(6)2");
        assert_eq!(en("五(六)2—3"), "§5(6)2-3");
        assert_eq!(en("二(三)1、附件2"), "§2(3)1, Annex 2");
        assert_eq!(en("十二(一)"), "§12(1)");
        assert_eq!(en("二十(一)"), "§20(1)");
        assert_eq!(en("2021—2025年"), "years 2021-2025");
        assert_eq!(en(""), "");
    }

    #[test]
    fn a_citation_reads_as_a_reference_then_a_note() {
        let citation = Citation::new(
            Basis::Assumption,
            Document::HenanManual,
            "五(二)1",
            "文件规定预留大病保险资金,未规定比例;默认值为假设",
            "the document names the reserve, not its size: the default is an assumption",
        );
        assert_eq!(
            citation.text_zh(),
            "《河南省紧密型县域医共体建设操作规范手册(试行版)》五(二)1;文件规定预留大病保险资金,未规定比例;默认值为假设"
        );
        assert_eq!(
            citation.text_en(),
            "Henan Province, Operating Manual for Close-knit County Medical Communities (trial), §5(2)1; \
             the document names the reserve, not its size: the default is an assumption"
        );
        let two = citation.and(Document::MiyiCommunity, "五(三)3");
        assert!(two
            .text_zh()
            .contains("五(二)1、《米易县紧密型县域医共体建设实施方案(征求意见稿)》五(三)3;"));
        assert!(two.text_en().contains("§5(2)1 and Miyi County, Sichuan,"));
        let yearly = Citation::new(
            Basis::Documented,
            Document::HealthStatisticsBulletin,
            "2023年",
            "注",
            "note",
        );
        assert_eq!(
            yearly.text_zh(),
            "国家卫生健康委《我国卫生健康事业发展统计公报》(2023年);注"
        );
        assert_eq!(
            yearly.text_en(),
            "National Health Commission, Statistical Bulletin on the Development of Health Care in China (2023); note"
        );
        let bare = Citation::unsourced(
            Basis::Assumption,
            "假设,无文件依据",
            "assumption, not sourced",
        );
        assert_eq!(bare.text_zh(), "假设,无文件依据");
        assert_eq!(bare.to_string(), "assumption, not sourced");
    }

    #[test]
    fn documents_carry_only_what_they_show() {
        for document in Document::ALL {
            assert!(!document.title_zh().is_empty() && !document.title_en().is_empty());
            assert!(!document.issuer_zh().is_empty() && !document.issuer_en().is_empty());
            assert_eq!(document.date_zh().is_some(), document.date_en().is_some());
            assert!(document
                .reference_zh()
                .chars()
                .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)));
            assert!(!document
                .reference_en()
                .chars()
                .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)));
        }
        assert_eq!(
            Document::YiyangHospitals.number(),
            Some("益政办发〔2023〕16号")
        );
        assert_eq!(Document::HenanManual.number(), None);
        assert_eq!(Document::HenanManual.date_zh(), None);
        assert_eq!(Document::MiyiCommunity.date_zh(), None);
    }
}
