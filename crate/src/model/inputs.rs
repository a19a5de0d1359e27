//! The model's inputs: a county, its communities and institutions, the lever settings by year and the
//! assumptions. These are plain Rust values that the scenario reader builds after validation; the
//! engine trusts them (counts are non-negative, shares lie in 0-1, every community has a lead hospital).

use rust_decimal::Decimal;

use super::params::{Assumption, Lever, ASSUMPTIONS, LEVERS};

/// The level of care an institution belongs to.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Tier {
    /// County-level hospitals (the lead hospital, TCM and maternal-child hospitals). 县级
    #[default]
    County,
    /// Township and community health centres. 乡镇卫生院、社区卫生服务中心
    Township,
    /// Village clinics. 村卫生室
    Village,
}

impl Tier {
    pub const ALL: [Tier; 3] = [Tier::County, Tier::Township, Tier::Village];

    /// Whether this tier is primary care (基层): township and village.
    pub fn is_primary(self) -> bool {
        !matches!(self, Tier::County)
    }

    /// The place of care this tier is.
    pub fn place(self) -> Place {
        match self {
            Tier::County => Place::County,
            Tier::Township => Place::Township,
            Tier::Village => Place::Village,
        }
    }

    /// Key used in files and results.
    pub fn key(self) -> &'static str {
        self.place().key()
    }

    /// The tier's short Chinese word, as a spreadsheet or a file may give it: 县级, 乡镇, 村.
    pub fn word_zh(self) -> &'static str {
        match self {
            Tier::County => "县级",
            Tier::Township => "乡镇",
            Tier::Village => "村",
        }
    }

    /// The tier a file or a sheet names by its key (`county`) or its Chinese word (`县级`).
    pub fn from_word(word: &str) -> Option<Tier> {
        Tier::ALL
            .into_iter()
            .find(|tier| word == tier.key() || word == tier.word_zh())
    }

    /// Position in [`Tier::ALL`] and in every per-tier array: county 0, township 1, village 2.
    pub fn slot(self) -> usize {
        self as usize
    }
}

/// Where the insured get care: the three tiers in the county, or outside the county.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Place {
    Village,
    Township,
    County,
    /// Out-of-county care (县域外就医).
    Outside,
}

impl Place {
    pub const ALL: [Place; 4] = [
        Place::Village,
        Place::Township,
        Place::County,
        Place::Outside,
    ];

    pub fn index(self) -> usize {
        self as usize
    }

    pub fn key(self) -> &'static str {
        match self {
            Place::Village => "village",
            Place::Township => "township",
            Place::County => "county",
            Place::Outside => "outside",
        }
    }

    /// (Chinese, English) label.
    pub fn label(self) -> (&'static str, &'static str) {
        match self {
            Place::Village => ("村卫生室", "village clinics"),
            Place::Township => ("乡镇卫生院", "township centres"),
            Place::County => ("县级医院", "county hospitals"),
            Place::Outside => ("县域外", "out of county"),
        }
    }
}

/// A value for each place of care.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ByPlace<T>(pub [T; 4]);

impl<T: Copy> ByPlace<T> {
    pub fn get(&self, place: Place) -> T {
        self.0[place.index()]
    }
    pub fn set(&mut self, place: Place, value: T) {
        self.0[place.index()] = value;
    }
}

impl<T: Copy> ByPlace<T> {
    /// The same function applied to every place.
    pub fn map(self, f: impl Fn(T) -> T) -> ByPlace<T> {
        ByPlace(self.0.map(f))
    }
}

impl ByPlace<Decimal> {
    pub fn sum(&self) -> Decimal {
        self.0.iter().copied().sum()
    }
    pub fn in_county(&self) -> Decimal {
        self.0[..3].iter().copied().sum()
    }
    pub fn primary(&self) -> Decimal {
        self.get(Place::Village) + self.get(Place::Township)
    }
}

/// One institution, or a group of `count` alike institutions entered with their totals (for example 133
/// village clinics). Volumes and costs are those of the base year; volumes are of the insured.
/// `Default` is an empty record the scenario reader fills field by field.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Institution {
    pub name: String,
    pub tier: Tier,
    /// The community's lead hospital (牵头医院). Exactly one per community.
    pub is_lead: bool,
    /// How many institutions this entry stands for (1 for a single institution).
    pub count: u32,
    pub beds: Decimal,
    /// Health staff (persons).
    pub staff: Decimal,
    /// Licensed (assistant) doctors (执业(助理)医师), 0 when not given.
    pub doctors: Decimal,
    /// Registered nurses (注册护士), 0 when not given.
    pub nurses: Decimal,
    /// Average length of stay of its admissions, days (平均住院日), 0 when not given.
    pub average_stay_days: Decimal,
    /// Outpatient and emergency visits of the insured in the base year.
    pub outpatient_visits: Decimal,
    /// Admissions of the insured in the base year.
    pub admissions: Decimal,
    /// Yuan per outpatient visit in the base year (all payers).
    pub cost_per_visit: Decimal,
    /// Yuan per admission in the base year (all payers).
    pub cost_per_admission: Decimal,
    /// Average pay per staff member for medical work in the base year, yuan (public-health work is paid
    /// from the public-health funds on top of it).
    pub average_pay: Decimal,
    /// Base fiscal subsidy through the old channels (原渠道), yuan per year (seed 003 §七(三)).
    pub base_subsidy: Decimal,
    /// Whether this is a public hospital receiving the per-bed subsidy (seed 000 §五(一)).
    pub per_bed_subsidy_eligible: bool,
}

/// Out-of-county care of a community's insured in the base year.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct OutOfCounty {
    pub outpatient_visits: Decimal,
    pub admissions: Decimal,
    pub cost_per_visit: Decimal,
    pub cost_per_admission: Decimal,
}

/// One medical community (医共体).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Community {
    pub name: String,
    /// Insured residents covered in the base year (whole persons).
    pub insured_residents: Decimal,
    /// Resident (常住) population served in the base year (whole persons).
    pub resident_population: Decimal,
    pub institutions: Vec<Institution>,
    pub out_of_county: OutOfCounty,
}

impl Community {
    /// Number of township centres (counting grouped entries), used for staff sent down.
    pub fn township_count(&self) -> Decimal {
        self.institutions
            .iter()
            .filter(|institution| institution.tier == Tier::Township)
            .map(|institution| Decimal::from(institution.count))
            .sum()
    }
}

/// Fund reimbursement rates (share of the cost the fund pays) by place of care.
#[derive(Clone, Debug, PartialEq)]
pub struct Reimbursement {
    pub outpatient: ByPlace<Decimal>,
    pub inpatient: ByPlace<Decimal>,
}

/// The horizon in years: 1 to 10 (checked when built).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Horizon(u8);

impl Horizon {
    pub const MAX: u8 = 10;

    /// A horizon of `years`, or `None` outside 1-10.
    pub fn new(years: u8) -> Option<Horizon> {
        (1..=Self::MAX).contains(&years).then_some(Horizon(years))
    }

    pub fn years(self) -> usize {
        usize::from(self.0)
    }
}

/// A value by projection year: the first entry is year 1, the last entry holds for later years.
#[derive(Clone, Debug, PartialEq)]
pub struct Schedule(Vec<Decimal>);

impl Schedule {
    /// A schedule from its yearly values; `None` when there are none.
    pub fn new(values: Vec<Decimal>) -> Option<Schedule> {
        (!values.is_empty()).then_some(Schedule(values))
    }

    pub fn constant(value: Decimal) -> Schedule {
        Schedule(vec![value])
    }

    /// The value in projection year `year` (1-based).
    pub fn at(&self, year: usize) -> Decimal {
        let index = year.saturating_sub(1).min(self.0.len() - 1);
        self.0[index]
    }

    pub fn values(&self) -> &[Decimal] {
        &self.0
    }
}

/// The county: its communities, financing and reimbursement rules.
#[derive(Clone, Debug, PartialEq)]
pub struct County {
    pub name: String,
    /// The calendar year of the base data; projection year 1 is `base_year + 1`.
    pub base_year: i32,
    pub horizon: Horizon,
    pub communities: Vec<Community>,
    /// Government subsidy per insured resident, yuan, by projection year; after the listed years it grows
    /// by the financing growth assumption.
    pub government_per_capita: Schedule,
    /// Individual contribution per insured resident, yuan, by projection year; grows likewise.
    pub individual_per_capita: Schedule,
    pub reimbursement: Reimbursement,
}

/// Lever settings by year, one schedule per declared lever (see [`LEVERS`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Levers(Vec<Schedule>);

impl Default for Levers {
    fn default() -> Self {
        Levers(
            LEVERS
                .iter()
                .map(|spec| Schedule::constant(spec.default))
                .collect(),
        )
    }
}

impl Levers {
    /// Every lever at its default for projection years `first_year` to `first_year + horizon - 1`: a
    /// dated default ([`ParamSpec::dated_default`](crate::model::ParamSpec)) year by year, the others
    /// constant.
    pub fn defaults_for(first_year: i32, horizon: usize) -> Levers {
        Levers(
            LEVERS
                .iter()
                .map(|spec| match spec.dated_default {
                    Some(dated) => {
                        let years =
                            (0..horizon.max(1) as i32).map(|k| dated(first_year.saturating_add(k)));
                        Schedule::new(years.collect()).unwrap_or(Schedule::constant(spec.default))
                    }
                    None => Schedule::constant(spec.default),
                })
                .collect(),
        )
    }

    pub fn at(&self, lever: Lever, year: usize) -> Decimal {
        self.0[lever as usize].at(year)
    }
    pub fn is_on(&self, lever: Lever, year: usize) -> bool {
        !self.at(lever, year).is_zero()
    }
    pub fn schedule(&self, lever: Lever) -> &Schedule {
        &self.0[lever as usize]
    }
    pub fn set(&mut self, lever: Lever, schedule: Schedule) {
        self.0[lever as usize] = schedule;
    }
}

/// Assumption values, one per declared assumption (see [`ASSUMPTIONS`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Assumptions(Vec<Decimal>);

impl Default for Assumptions {
    fn default() -> Self {
        Assumptions(ASSUMPTIONS.iter().map(|spec| spec.default).collect())
    }
}

impl Assumptions {
    pub fn get(&self, assumption: Assumption) -> Decimal {
        self.0[assumption as usize]
    }
    pub fn set(&mut self, assumption: Assumption, value: Decimal) {
        self.0[assumption as usize] = value;
    }
    /// The value of a per-tier assumption: `by_tier` lists it for county, township and village.
    pub fn for_tier(&self, by_tier: [Assumption; 3], tier: Tier) -> Decimal {
        self.get(by_tier[tier.slot()])
    }
}

/// Everything the engine needs: the county, today's lever settings (the baseline), the reform's lever
/// settings and the assumptions.
#[derive(Clone, Debug, PartialEq)]
pub struct ModelInput {
    pub county: County,
    pub baseline: Levers,
    pub reform: Levers,
    pub assumptions: Assumptions,
}
