#!/usr/bin/env python3
"""Year 1 of the default scenario's insurance budget, settlement and pooled fund, recomputed from docs/model.md alone.

An independent second implementation (Python decimals, no code shared with the engine) of the equations in
docs/model.md §2-§8, used to derive the figures of §13 that tests/engine_cases.rs asserts.
Run: python3 docs/worked_example.py
"""
import tomllib
from decimal import Decimal as D, ROUND_HALF_UP, ROUND_FLOOR, getcontext
from pathlib import Path

getcontext().prec = 60
fen = lambda x: x.quantize(D("0.01"), rounding=ROUND_HALF_UP)
factor = lambda x: x.quantize(D("1e-12"), rounding=ROUND_HALF_UP)
level = lambda x: x.quantize(D("1e-6"), rounding=ROUND_HALF_UP)
PLACES = ["village", "township", "county", "outside"]

doc = tomllib.loads((Path(__file__).parent.parent / "scenarios/henan-county.toml").read_text(), parse_float=D)
lev, ref, asm = doc["levers"], doc["reform"], doc["assumptions"]
num = lambda v: D(str(v))
first = lambda v: num(v[0]) if isinstance(v, list) else num(v)
a = lambda key: num(asm[key])
rates = {k: {p: num(v) for p, v in doc["county"]["reimbursement"][k].items()} for k in ("outpatient", "inpatient")}
tilt = first(ref["primary_tilt_points"])          # reform 5, baseline 0 (default)
visit_growth = factor(1 + a("visit_cost_growth_rate"))
util_growth = factor(1 + a("utilisation_growth_rate"))
adm_growth = factor(1 + a("admission_cost_growth_rate"))


def rate(kind, place, tilt_points):
    r = rates[kind][place]
    return min(r + tilt_points / 100, D(1)) if place in ("village", "township") else r


def split(total, weights):
    """Largest remainder to the fen, ties to the earlier party."""
    units = int(total * 100)
    wsum = sum(weights)
    exact = [D(units) * w / wsum for w in weights]
    parts = [int(e.to_integral_value(rounding=ROUND_FLOOR)) for e in exact]
    order = sorted(range(len(weights)), key=lambda i: (-(exact[i] - parts[i]), i))
    for i in order[: units - sum(parts)]:
        parts[i] += 1
    return [D(p) / 100 for p in parts]


def stake(quota, last_claims):
    """§3: the marginal share of a yuan of claims the community bears, averaged over position ± spread."""
    position = (quota - last_claims) / quota
    spread = a("settlement_outlook_spread")
    band, cap = num(ref["overspend_band_rate"]), num(ref["surplus_retention_cap_rate"])
    pieces = [(D("-1e30"), -band, D(1)), (-band, D(0), 1 - num(ref["overspend_fund_share"])),
              (D(0), cap, num(ref["surplus_retained_share"]))]
    low, high = position - spread, position + spread
    return sum(max(min(high, to) - max(low, frm), D(0)) * value for frm, to, value in pieces) / (high - low)


communities = doc["communities"]
# §3 the budget: financing, reserves, quotas. Base-year claims: each institution rounded to the fen, today's rates.
financing, base_claims = [], []
for c in communities:
    bc = D(0)
    for i in c["institutions"]:
        bc += fen(num(i["outpatient_visits"]) * num(i["cost_per_visit"]) * rate("outpatient", i["tier"], D(0))
                  + num(i.get("admissions", 0)) * num(i.get("cost_per_admission", 0)) * rate("inpatient", i["tier"], D(0)))
    o = c["out_of_county"]
    bc += fen(num(o["outpatient_visits"]) * num(o["cost_per_visit"]) * rate("outpatient", "outside", D(0))
              + num(o["admissions"]) * num(o["cost_per_admission"]) * rate("inpatient", "outside", D(0)))
    base_claims.append(bc)
    financing.append(num(c["insured_residents"]) * (first(doc["county"]["government_per_capita_yuan"]) + first(doc["county"]["individual_per_capita_yuan"])))
F = sum(financing)
ci = fen(F * num(lev["critical_illness_rate"]))
risk = fen(F * num(ref["risk_reserve_rate"]))
quality = fen(F * num(ref["quality_reserve_rate"]))
distributable = F - ci - risk - quality
h = num(ref["history_weight"])
insured = [num(c["insured_residents"]) for c in communities]
shares = [(1 - h) * insured[k] / sum(insured) + h * base_claims[k] / sum(base_claims) for k in range(len(insured))]
quotas = split(distributable, shares)
quality_parts = split(quality, shares)
print(f"financing {F}  critical illness {ci}  risk {risk}  quality {quality}  distributable {distributable}")

claims, stakes, special = [], [], []
for k, c in enumerate(communities):
    insts = c["institutions"]
    base_v = {p: D(0) for p in PLACES}; base_a = {p: D(0) for p in PLACES}
    for i in insts:
        base_v[i["tier"]] += num(i["outpatient_visits"]); base_a[i["tier"]] += num(i.get("admissions", 0))
    o = c["out_of_county"]
    base_v["outside"] = num(o["outpatient_visits"]); base_a["outside"] = num(o["admissions"])
    # §4 flow in year 1: the reform's departure from today (the baseline has no global budget: stake 0).
    s = stake(quotas[k], base_claims[k])
    stakes.append(s)
    townships = sum(num(i.get("count", 1)) for i in insts if i["tier"] == "township")
    township_staff = sum(num(i["staff"]) for i in insts if i["tier"] == "township")
    sent_gain = first(ref["staff_sent_down_per_township"]) * townships * a("sent_down_capacity_factor") / township_staff
    # Year 1: no pay gain, no development gain, no county capability yet (it comes a year after the money).
    volumes = {}
    for kind, base, tilt_elasticity in (("out", base_v, a("outpatient_tilt_elasticity")), ("in", base_a, a("inpatient_tilt_elasticity"))):
        total = sum(base.values())
        s0 = {p: base[p] / total for p in PLACES}
        trended = dict(s0)
        if kind == "out":   # the primary share moves by the trend, in its base proportion; county takes the rest
            p0 = s0["village"] + s0["township"]
            p1 = p0 + a("primary_visit_share_trend") / 100
            trended = {"village": s0["village"] * p1 / p0, "township": s0["township"] * p1 / p0,
                       "county": 1 - p1 - s0["outside"], "outside": s0["outside"]}
        village = 1 + tilt_elasticity * tilt + a("budget_primary_elasticity") * s
        m = {"village": village, "township": village + a("primary_capacity_elasticity") * sent_gain,
             "county": D(1), "outside": 1 - a("budget_incentive_elasticity") * s}
        w = {p: trended[p] * m[p] for p in PLACES}
        target = {p: w[p] / sum(w.values()) for p in PLACES}
        share = {p: factor(s0[p] + a("adjustment_speed") * (target[p] - s0[p])) for p in PLACES}
        demand = total * factor(util_growth)
        volumes[kind] = {p: factor(demand * share[p]) for p in PLACES}
    restraint = factor(1 - a("budget_cost_containment") * s)
    # §5 care: a tier's cost level times the sum of its institutions' parts at their own prices.
    community_claims, community_special = D(0), D(0)
    for place in ["village", "township", "county"]:
        v_level = level(volumes["out"][place] * visit_growth * restraint)
        a_level = level(volumes["in"][place] * adm_growth * restraint)
        op = v_level * sum(factor(num(i["outpatient_visits"]) / base_v[place]) * num(i["cost_per_visit"]) for i in insts if i["tier"] == place)
        ip = a_level * sum(factor(num(i.get("admissions", 0)) / base_a[place]) * num(i.get("cost_per_admission", 0))
                           for i in insts if i["tier"] == place and base_a[place] > 0)
        revenue = fen(op + ip)
        community_claims += min(fen(op * rate("outpatient", place, tilt) + ip * rate("inpatient", place, tilt)), revenue)
        community_special += fen(revenue * first(ref["special_fund_rate"]))
    op = volumes["out"]["outside"] * num(o["cost_per_visit"]) * visit_growth
    ip = volumes["in"]["outside"] * num(o["cost_per_admission"]) * adm_growth
    community_claims += fen(op * rates["outpatient"]["outside"] + ip * rates["inpatient"]["outside"])
    claims.append(community_claims)
    special.append(community_special)

used = D(0)
for k, c in enumerate(communities):
    balance = quotas[k] - claims[k]
    line = f"{c['name']}: base-year claims {base_claims[k]}  share {shares[k]:.10f}  quota {quotas[k]}  stake {stakes[k]:.10f}  year-1 claims {claims[k]}  balance {balance}"
    retained = borne = D(0)
    if balance >= 0:
        retained = fen(min(balance, fen(quotas[k] * num(ref["surplus_retention_cap_rate"]))) * num(ref["surplus_retained_share"]))
        line += f"  retained {retained}  returned {balance - retained}"
    else:
        band = fen(quotas[k] * num(ref["overspend_band_rate"]))
        fund = fen(min(-balance, band) * num(ref["overspend_fund_share"]))
        borne = -balance - fund
        used += fund
        line += f"  band {band}  fund share {fund}  borne {borne}"
    quality_returned = fen(quality_parts[k] * a("insurance_appraisal_score"))
    # §7 the pooled fund in year 1 (members paid by points: retained surplus and overspend go through the point value).
    management = fen(special[k] * num(ref["special_fund_management_share"]) if "special_fund_management_share" in ref else special[k] * D("0.2"))
    insts = c["institutions"]
    townships = sum(num(i.get("count", 1)) for i in insts if i["tier"] == "township")
    county_staff = sum(num(i["staff"]) for i in insts if i["tier"] == "county")
    allowances = fen(min(first(ref["staff_sent_down_per_township"]) * townships, county_staff) * num(ref["sent_down_allowance_yuan"]))
    line += f"\n    quality returned {quality_returned}  special fund {special[k]}  management {management}  allowances {allowances}  to primary pay {special[k] - management - allowances}"
    print(line)
print(f"risk fund {risk} covers {min(risk, used)}; carried forward {risk - min(risk, used)}")
