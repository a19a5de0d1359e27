//! The shipped scenarios as a workshop sequence (沙盘推演): what each step shows, a question to ask
//! the room before the results are shown, and what to point at on the charts, in both languages. The
//! page lists it; the trainer opens each step's scenario in turn.

use crate::model::Lever;

/// One step of the workshop: the shipped scenario it opens and the trainer's words, (Chinese, English).
pub struct Step {
    pub file: &'static str,
    pub title: (&'static str, &'static str),
    pub shows: (&'static str, &'static str),
    pub ask: (&'static str, &'static str),
    pub look: (&'static str, &'static str),
    /// The lever the trainer moves in this step (presenter mode's arrow keys).
    pub lever: Lever,
    /// The chart presenter mode opens the step on (its key in `chart::charts`).
    pub chart: &'static str,
}

/// The sequence, in order: one county's whole package, the reimbursement tilt, the rules for
/// overspending, the money for primary pay, and a large county.
pub static WORKSHOP: &[Step] = &[
    Step {
        file: "henan-county.toml",
        title: ("一套完整的改革:河南手册配套政策", "A whole package: the Henan manual"),
        shows: (
            "同一个县,今天按项目付费(基线)与按河南手册改革(总额付费、结余留用、每床补助、1%专项资金、人员下沉、报销向基层倾斜)的五年对比。",
            "One county, paid fee-for-service today (the baseline) against the Henan package (global budget, surplus retained, per-bed subsidy, 1% special fund, staff sent down, reimbursement tilted to primary care), over five years.",
        ),
        ask: (
            "到最后一年,县域就诊率能达到90%的目标吗?医保基金自己的当年结余会变多还是变少?",
            "Will the county consultation rate reach its 90% target by the last year? Will the fund's own year balance grow or shrink?",
        ),
        look: (
            "看“县域就诊率”图的目标虚线;再看“医保结算”图:结余有一部分留给了医共体(结余留用),基金自己留下的就少了。",
            "Point at the target line on the county consultation chart, then at the settlement chart: part of the surplus now stays with the communities (surplus retained), so the fund keeps less.",
        ),
        lever: Lever::SurplusRetainedShare,
        chart: "county_consultation_rate",
    },
    Step {
        file: "yaan-primary-tilt.toml",
        title: ("报销比例向基层倾斜:雅安", "Reimbursement tilted to primary care: Ya'an"),
        shows: (
            "一个山区县区把基层报销比例分三年提高5、10、15个百分点,同时提高基层人员待遇、公卫经费多给村卫生室。",
            "A mountain county raises primary care's reimbursement by 5, 10 and 15 points over three years, with better primary pay and more public-health money for village clinics.",
        ),
        ask: (
            "这样的倾斜能让基层门急诊量占比提高5个百分点吗?医保要为此多付多少?",
            "Does this tilt raise the primary outpatient share by 5 points? What does the fund pay for it?",
        ),
        look: (
            "看“基层门急诊量占比”图与“+5个百分点”目标线;再看“医保结算”图中超支由谁承担的变化。",
            "Point at the primary outpatient share against its +5 points line, then at who bears the overspend on the settlement chart.",
        ),
        lever: Lever::PrimaryTiltPoints,
        chart: "primary_outpatient_share",
    },
    Step {
        file: "luxian-three-communities.toml",
        title: ("谁来承担超支:泸县“超支不补”", "Who bears an overspend: Luxian's \"overspend not covered\""),
        shows: (
            "三个医共体按人头总额打包,结余留用、超支不补:每多花一元医保,医共体自己承担。",
            "Three communities paid a lump sum per head, keeping their surplus and bearing every overspend: each extra yuan of claims is theirs.",
        ),
        ask: (
            "超支不补会让医共体更控费吗?如果把“合理超支医保基金分担比例”从0改为0.5(医保分担合理范围内超支的一半),结果会怎样?",
            "Does \"overspend not covered\" make the communities restrain costs? What changes if the fund's share of a reasonable overspend goes from 0 to 0.5 (the fund then bears half of the overspend within the reasonable band)?",
        ),
        look: (
            "看记分卡中“医共体承担的医保额度风险”一行和“医保结算”图中医共体自担的超支;改动杠杆后再看一次。",
            "Point at the scorecard's money-at-stake row and the overspend borne on the settlement chart; move the lever and look again.",
        ),
        lever: Lever::OverspendFundShare,
        chart: "settlement",
    },
    Step {
        file: "miyi-special-fund.toml",
        title: ("给基层的钱:米易1%专项资金", "Money for primary pay: Miyi's 1% special fund"),
        shows: (
            "医疗集团每年按医疗收入的1%提取专项资金,用于管理、下沉人员补助和提高基层待遇,并落实“两个允许”。",
            "The group sets aside 1% of medical revenue each year for management, allowances for staff sent down and primary pay, with the \"two allowances\" for pay.",
        ),
        ask: (
            "1%的专项资金能让村医的收入提高多少?县级与基层的薪酬差距会缩小吗?",
            "How much does 1% raise a village doctor's pay? Does the gap between county and primary pay narrow?",
        ),
        look: (
            "看“县级与基层人均薪酬比”图,以及记分卡中“村级人均薪酬”和“专项资金”两行。",
            "Point at the county/primary pay ratio chart and the scorecard's village pay and special fund rows.",
        ),
        lever: Lever::SpecialFundRate,
        chart: "county_primary_pay_ratio",
    },
    Step {
        file: "suixi-two-communities.toml",
        title: ("换一个大县:濉溪91万人、212个村卫生室", "A bigger county: Suixi, 912,000 people and 212 village clinics"),
        shows: (
            "同类政策用在一个大得多的县:两个医共体、18个乡镇卫生院、212个村卫生室(未公开的数字按估计值建模并标明)。",
            "Policies of the same kind in a much larger county: two communities, 18 township centres and 212 village clinics (unpublished figures are estimates, marked as such).",
        ),
        ask: (
            "同样的政策,在大县的效果会和示范县一样吗?",
            "Do the same policies work as well in a large county as in the teaching county?",
        ),
        look: (
            "用“比较方案”把第一步的河南示范县加进来,两个县的改革曲线画在同一张图上。",
            "Use Compare to add step 1's Henan county: both counties' reform lines are drawn on the same charts.",
        ),
        lever: Lever::StaffSentDownPerTownship,
        chart: "county_consultation_rate",
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_step_opens_a_shipped_scenario_and_speaks_both_languages() {
        for step in WORKSHOP {
            assert!(
                super::super::shipped::text(step.file).is_some(),
                "{}",
                step.file
            );
            for (zh, en) in [step.title, step.shows, step.ask, step.look] {
                assert!(
                    zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                    "{zh}"
                );
                assert!(
                    en.is_ascii() || en.chars().all(|c| !('\u{4e00}'..='\u{9fff}').contains(&c)),
                    "{en}"
                );
            }
        }
        // Each step opens on a chart the page draws.
        let projection = crate::model::project(
            &super::super::load(super::super::shipped::default_text(), &[])
                .unwrap()
                .scenario
                .input,
        );
        let keys: Vec<&str> = crate::chart::charts(&projection)
            .iter()
            .map(|chart| chart.key)
            .collect();
        for step in WORKSHOP {
            assert!(keys.contains(&step.chart), "{}", step.chart);
        }
        // Every shipped scenario has its step.
        assert_eq!(WORKSHOP.len(), super::super::shipped::SHIPPED.len());
    }
}
